package io.quest.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code quest-platform:state} of the shared stack: defaults, what it reads, and every rejection with its message. */
class StateConfigTest {

    private static final StackIdentity SHARED = new StackIdentity("acme", "quest-platform", "shared");

    private static Map<String, String> shared(String state) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "111111111111");
        config.put("quest-platform:accounts", "{\"shared\": \"111111111111\", \"dev\": \"222222222222\", \"prod\": \"333333333333\"}");
        config.put("quest-platform:ciRepository", "acme/quest-platform");
        if (state != null) {
            config.put("quest-platform:state", state);
        }
        return config;
    }

    @Test
    void defaults_keep_old_versions_90_days_access_logs_a_year_and_read_nothing_beyond_the_shared_stack() {
        StateConfig state = PlatformConfig.load(ConfigSource.of(shared(null)), SHARED).shared().state();

        assertThat(state).isEqualTo(StateConfig.defaults());
        assertThat(state.noncurrentVersionDays()).isEqualTo(90);
        assertThat(state.accessLogDays()).isEqualTo(365);
        assertThat(state.reads()).isEmpty();
    }

    @Test
    void settings_are_read_as_written() {
        StateConfig state = PlatformConfig.load(ConfigSource.of(shared(
                "{\"noncurrentVersionDays\": 30, \"accessLogDays\": 730, \"reads\": {\"prod\": [\"dev\", \"dev-network\"]}}")), SHARED).shared().state();

        assertThat(state.noncurrentVersionDays()).isEqualTo(30);
        assertThat(state.accessLogDays()).isEqualTo(730);
        assertThat(state.reads()).containsExactly(Map.entry("prod", List.of("dev", "dev-network")));
    }

    @Test
    void a_platform_whose_state_bucket_policy_aws_would_refuse_is_refused_before_anything_exists() {
        Map<String, String> thirty = shared(null);
        thirty.put("quest-platform:accounts", accounts(30));
        Map<String, String> ten = shared("{\"reads\": {\"env10\": [\"env9\"]}}");
        ten.put("quest-platform:accounts", accounts(10));

        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(thirty), SHARED), ConfigException.class);

        assertThat(e.problems()).extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("quest-platform:accounts: names 30 environments, for which the state bucket's policy would be ")
                .contains("AWS allows 20480");
        assertThat(PlatformConfig.load(ConfigSource.of(ten), SHARED).shared().members()).hasSize(10);
    }

    /** The shared account and {@code n} environments {@code env1..envN}, each in its own account. */
    private static String accounts(int n) {
        StringBuilder json = new StringBuilder("{\"shared\": \"111111111111\"");
        for (int i = 1; i <= n; i++) {
            json.append(", \"env").append(i).append("\": \"").append(200_000_000_000L + i).append('"');
        }
        return json.append('}').toString();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("{\"noncurrentVersionDays\": 0}",
                        "quest-platform:state.noncurrentVersionDays: 0 is out of range; expected a whole number from 1 to 36500"),
                Arguments.of("{\"noncurrentVersionDays\": \"ninety\"}",
                        "quest-platform:state.noncurrentVersionDays: \"ninety\" is not a whole number"),
                Arguments.of("{\"accessLogDays\": 40000}",
                        "quest-platform:state.accessLogDays: 40000 is out of range; expected a whole number from 1 to 36500"),
                Arguments.of("{\"versionDays\": 90}",
                        "quest-platform:state.versionDays: is not a setting Quest Platform knows; expected one of accessLogDays, dataStacks, noncurrentVersionDays, reads"),
                Arguments.of("[90]",
                        "quest-platform:state: \"[90]\" is not a map of settings"),
                Arguments.of("{\"reads\": {\"staging\": [\"dev\"]}}",
                        "quest-platform:state.reads.staging: \"staging\" is not an environment of quest-platform:accounts; expected one of [dev, prod]"),
                Arguments.of("{\"reads\": {\"prod\": [\"dev*\"]}}",
                        "quest-platform:state.reads.prod: \"dev*\" is not a stack name of this project"),
                Arguments.of("{\"reads\": {\"prod\": [\"organization/quest-platform/dev\"]}}",
                        "quest-platform:state.reads.prod: \"organization/quest-platform/dev\" is not a stack name of this project"),
                Arguments.of("{\"reads\": {\"prod\": [\"prod\"]}}",
                        "quest-platform:state.reads.prod: \"prod\" is the environment's own stack"),
                Arguments.of("{\"reads\": {\"prod\": [\"shared\"]}}",
                        "quest-platform:state.reads.prod: \"shared\" is the shared stack, whose state every CI role already reads"),
                Arguments.of("{\"reads\": [\"dev\"]}",
                        "quest-platform:state.reads: \"[\\\"dev\\\"]\" is not a map of settings"),
                Arguments.of("{\"reads\": {\"prod\": {\"stack\": \"dev\"}}}",
                        "quest-platform:state.reads.prod: \"{\\\"stack\\\":\\\"dev\\\"}\" is not a list of strings"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void a_bad_value_is_reported_with_its_key_value_and_expectation(String state, String message) {
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(shared(state)), SHARED), ConfigException.class);

        assertThat(e).as("state %s must be rejected", state).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::toString).anySatisfy(p -> assertThat(p).startsWith(message));
    }
}
