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

/** {@code quest-platform:registry.pushFrom} and {@code .scanWaivers}: defaults, values, and every rejection with its message. */
class ImagePipelineConfigTest {

    private static final StackIdentity SHARED = new StackIdentity("acme", "quest-platform", "shared");

    private static Map<String, String> shared(String registry) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "111111111111");
        config.put("quest-platform:accounts", "{\"shared\": \"111111111111\", \"dev\": \"222222222222\", \"prod\": \"333333333333\"}");
        config.put("quest-platform:ciRepository", "acme/quest-platform");
        if (registry != null) {
            config.put("quest-platform:registry", registry);
        }
        return config;
    }

    @Test
    void by_default_no_application_pushes_and_nothing_is_waived() {
        assertThat(PlatformConfig.load(ConfigSource.of(shared(null)), SHARED).shared().images()).isEqualTo(ImagePipelineConfig.none());
    }

    @Test
    void repositories_and_waivers_are_read_as_written() {
        ImagePipelineConfig images = PlatformConfig.load(ConfigSource.of(shared("{\"pushFrom\": [\"acme/quest-web\", \"acme@123/api@456\"],"
                + " \"scanWaivers\": {\"CVE-2024-12345\": \"not reachable: the service never parses XML\"}}")), SHARED).shared().images();

        assertThat(images.pushFrom()).containsExactly("acme/quest-web", "acme@123/api@456");
        assertThat(images.scanWaivers()).containsExactly(Map.entry("CVE-2024-12345", "not reachable: the service never parses XML"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("{\"pushFrom\": [\"acme/*\"]}", "quest-platform:registry.pushFrom: \"acme/*\" contains a wildcard,"
                        + " which would let other repositories push images; expected exactly one repository, owner/name"),
                Arguments.of("{\"pushFrom\": [\"quest-web\"]}", "quest-platform:registry.pushFrom: \"quest-web\" is not a GitHub repository;"
                        + " expected owner/name, for example acme/quest-web"),
                Arguments.of("{\"pushFrom\": [\"acme/web\", \"ACME/web\"]}", "quest-platform:registry.pushFrom: \"ACME/web\" is listed twice;"
                        + " expected each application repository once"),
                Arguments.of("{\"pushFrom\": [\"acme/quest-platform\"]}", "quest-platform:registry.pushFrom: \"acme/quest-platform\" is the"
                        + " platform's own repository (ciRepository), whose roles deploy; expected the application repositories that build images"),
                Arguments.of("{\"scanWaivers\": {\"log4shell\": \"old\"}}", "quest-platform:registry.scanWaivers: \"log4shell\" is not a"
                        + " finding name; expected a CVE ID such as CVE-2024-12345, a GitHub advisory ID (GHSA-xxxx-xxxx-xxxx) or an Amazon"
                        + " Linux advisory (ALAS...)"),
                Arguments.of("{\"scanWaivers\": {\"CVE-2021-44228\": \" \"}}", "quest-platform:registry.scanWaivers: \"CVE-2021-44228\""
                        + " has no reason; expected why this critical finding is accepted, for example {CVE-2024-12345: \"not reachable:"
                        + " the service never parses XML\"}"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void bad_values_are_refused_naming_the_key_the_value_and_what_is_expected(String registry, String message) {
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(shared(registry)), SHARED), ConfigException.class);

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(message);
    }

    @Test
    void a_waiver_list_is_kept_in_finding_order_whatever_order_it_was_written_in() {
        ImagePipelineConfig images = PlatformConfig.load(ConfigSource.of(shared("{\"scanWaivers\": {\"CVE-2024-99999\": \"b\","
                + " \"CVE-2023-1111\": \"a\"}}")), SHARED).shared().images();
        assertThat(List.copyOf(images.scanWaivers().keySet())).containsExactly("CVE-2023-1111", "CVE-2024-99999");
    }
}
