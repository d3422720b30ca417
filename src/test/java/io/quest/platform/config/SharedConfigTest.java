package io.quest.platform.config;

import io.quest.platform.aws.Partition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared stack's settings: defaults, and every rejection with its message. */
class SharedConfigTest {

    private static final StackIdentity SHARED = new StackIdentity("acme", "quest-platform", "shared");

    private static Map<String, String> shared() {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "111111111111");
        config.put("quest-platform:accounts", "{\"shared\": \"111111111111\", \"dev\": \"222222222222\", \"prod\": \"333333333333\"}");
        config.put("quest-platform:ciRepository", "acme/quest-platform");
        return config;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> config = shared();
        config.put(key, value);
        return config;
    }

    @Test
    void defaults_bootstrap_through_the_organization_role_and_allow_only_the_stacks_region() {
        SharedConfig config = PlatformConfig.load(ConfigSource.of(shared()), SHARED).shared();

        assertThat(config.sharedAccount()).isEqualTo("111111111111");
        assertThat(config.members()).containsExactly(Map.entry("dev", "222222222222"), Map.entry("prod", "333333333333"));
        assertThat(config.bootstrapRoleArn(Partition.AWS, "222222222222")).isEqualTo("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole");
        assertThat(config.allowedRegions()).containsExactly("eu-west-1");
        assertThat(config.registryName()).isEqualTo("quest/web");
        assertThat(config.keepImages()).isEqualTo(50);
        assertThat(config.logTransitionDays()).isEqualTo(90);
        assertThat(config.logExpirationDays()).isEqualTo(2557);
    }

    @Test
    void a_repository_with_immutable_oidc_subjects_is_named_with_its_owner_and_repository_ids() {
        SharedConfig config = PlatformConfig.load(ConfigSource.of(with("quest-platform:ciRepository", "acme@123456/quest-platform@456789")), SHARED).shared();

        assertThat(config.ciRepository()).isEqualTo("acme@123456/quest-platform@456789");
        ConfigException half = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(
                with("quest-platform:ciRepository", "acme@123456/quest-platform")), SHARED), ConfigException.class);
        assertThat(half.getMessage()).contains("quest-platform:ciRepository: \"acme@123456/quest-platform\" is not a GitHub repository;"
                + " expected owner/name, for example acme/quest-platform, or owner@ID/name@ID where the repository's OIDC subjects use immutable IDs");
    }

    @Test
    void environment_stacks_have_no_shared_settings_and_refuse_them_as_unknown() {
        Map<String, String> dev = Map.of("aws:region", "eu-west-1", "quest-platform:account", "222222222222",
                "quest-platform:network", "{\"cidr\":\"10.10.0.0/16\"}", "quest-platform:ciRepository", "acme/quest-platform");

        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(dev),
                new StackIdentity("acme", "quest-platform", "dev")), ConfigException.class);

        assertThat(e.problems()).singleElement().extracting(ConfigProblem::key).isEqualTo("quest-platform:ciRepository");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("quest-platform:ciRepository", "acme/*",
                        "quest-platform:ciRepository: \"acme/*\" contains a wildcard, which would let other repositories' workflows assume the CI roles"),
                Arguments.of("quest-platform:ciRepository", "*",
                        "quest-platform:ciRepository: \"*\" contains a wildcard"),
                Arguments.of("quest-platform:ciRepository", "acme/quest?platform",
                        "quest-platform:ciRepository: \"acme/quest?platform\" contains a wildcard"),
                Arguments.of("quest-platform:ciRepository", "quest-platform",
                        "quest-platform:ciRepository: \"quest-platform\" is not a GitHub repository; expected owner/name"),
                Arguments.of("quest-platform:ciRepository", "-acme/quest",
                        "quest-platform:ciRepository: \"-acme/quest\" is not a GitHub repository"),
                Arguments.of("quest-platform:ciRepository", "acme/quest:environment:prod",
                        "quest-platform:ciRepository: \"acme/quest:environment:prod\" is not a GitHub repository"),
                Arguments.of("quest-platform:ciRepository", "acme/..",
                        "quest-platform:ciRepository: \"acme/..\" is not a GitHub repository"),
                Arguments.of("quest-platform:accounts", "{\"shared\": \"999999999999\", \"dev\": \"222222222222\"}",
                        "quest-platform:accounts.shared: \"999999999999\" is not this stack's account 111111111111"),
                Arguments.of("quest-platform:accounts", "{\"shared\": \"111111111111\", \"dev\": \"2222\"}",
                        "quest-platform:accounts.dev: \"2222\" is not an AWS account ID; expected 12 digits"),
                Arguments.of("quest-platform:accounts", "{\"shared\": \"111111111111\", \"dev\": \"222222222222\", \"prod\": \"222222222222\"}",
                        "quest-platform:accounts.prod: \"222222222222\" is also the account of dev"),
                Arguments.of("quest-platform:accounts", "{\"dev\": \"222222222222\"}",
                        "quest-platform:accounts: names no shared account"),
                Arguments.of("quest-platform:accounts", "{\"shared\": \"111111111111\"}",
                        "quest-platform:accounts: names no member account"),
                Arguments.of("quest-platform:accounts", "{\"shared\": \"111111111111\", \"Prod_1\": \"333333333333\"}",
                        "quest-platform:accounts.Prod_1: \"Prod_1\" is not an environment name"),
                Arguments.of("quest-platform:bootstrapRole", "arn:aws:iam::222222222222:role/Admin",
                        "quest-platform:bootstrapRole: \"arn:aws:iam::222222222222:role/Admin\" is not an IAM role name"),
                Arguments.of("quest-platform:registry", "{\"name\": \"Quest/Web\"}",
                        "quest-platform:registry.name: \"Quest/Web\" is not an ECR repository name"),
                Arguments.of("quest-platform:registry", "{\"name\": \"quest//web\"}",
                        "quest-platform:registry.name: \"quest//web\" is not an ECR repository name"),
                Arguments.of("quest-platform:registry", "{\"keepImages\": 0}",
                        "quest-platform:registry.keepImages: 0 is out of range; expected a whole number from 1 to 10000"),
                Arguments.of("quest-platform:logArchive", "{\"transitionDays\": 400, \"expirationDays\": 365}",
                        "quest-platform:logArchive.expirationDays: 365 is not after transitionDays (400)"),
                Arguments.of("quest-platform:logArchive", "{\"retentionDays\": 365}",
                        "quest-platform:logArchive.retentionDays: is not a setting Quest Platform knows"),
                Arguments.of("quest-platform:allowedRegions", "[\"us-east-1\"]",
                        "quest-platform:allowedRegions: \"[us-east-1]\" leaves out the shared stack's own region eu-west-1"),
                Arguments.of("quest-platform:allowedRegions", "[\"eu-west-1\", \"Frankfurt\"]",
                        "quest-platform:allowedRegions: \"Frankfurt\" is not a region AWS runs"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void a_bad_value_is_reported_with_its_key_value_and_expectation(String key, String value, String message) {
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(with(key, value)), SHARED), ConfigException.class);

        assertThat(e).as("config %s = %s must be rejected", key, value).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::toString).anySatisfy(p -> assertThat(p).startsWith(message));
    }

    @Test
    void accounts_and_the_ci_repository_are_required() {
        Map<String, String> config = shared();
        config.remove("quest-platform:accounts");
        config.remove("quest-platform:ciRepository");

        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(config), SHARED), ConfigException.class);

        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("quest-platform:accounts", "quest-platform:ciRepository");
        assertThat(e.problems()).extracting(ConfigProblem::message).allSatisfy(m -> assertThat(m).startsWith("is required: "));
    }
}
