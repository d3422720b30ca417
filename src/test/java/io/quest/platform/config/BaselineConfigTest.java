package io.quest.platform.config;

import io.quest.platform.identity.PasswordPolicy;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code quest-platform:baseline} and {@code quest-platform:organization}: defaults, overrides, rejections with their messages. */
class BaselineConfigTest {

    private static final StackIdentity DEV = new StackIdentity("acme", "quest-platform", "dev");

    private static PlatformConfig load(String baseline) {
        return PlatformConfig.load(ConfigSource.of(config(baseline)), DEV);
    }

    private static Map<String, String> config(String baseline) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "222222222222");
        config.put("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\"}");
        if (baseline != null) {
            config.put("quest-platform:baseline", baseline);
        }
        return config;
    }

    private static String problem(String baseline) {
        ConfigException e = catchThrowableOfType(() -> load(baseline), ConfigException.class);
        assertThat(e).as("a config error").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0).toString();
    }

    @Test
    void defaults_are_the_baseline_in_the_stack_region() {
        BaselineConfig baseline = load(null).baseline();
        assertThat(baseline.passwordPolicy()).isEqualTo(PasswordPolicy.BASELINE);
        assertThat(baseline.disabledRules()).isEmpty();
        assertThat(baseline.homeRegion()).isEqualTo("eu-west-1");
        assertThat(baseline.isHomeRegion("eu-west-1")).isTrue();
        assertThat(baseline.trailRetentionDays()).isEqualTo(365);
        assertThat(baseline.organizationTrail()).isFalse();
    }

    @Test
    void every_setting_is_read() {
        Map<String, String> config = config("""
                {"passwordPolicy": {"minimumLength": 16, "maxAgeDays": 60},
                 "disabledRules": {"INCOMING_SSH_DISABLED": "  no security group of this account allows SSH; covered by restricted-common-ports  "},
                 "homeRegion": "eu-central-1", "trailRetentionDays": 731}""");
        config.put("quest-platform:organization", "{\"trail\": true, \"id\": \"o-a1b2c3d4e5\"}");
        BaselineConfig baseline = PlatformConfig.load(ConfigSource.of(config), DEV).baseline();

        assertThat(baseline.passwordPolicy()).isEqualTo(new PasswordPolicy(16, 60));
        assertThat(baseline.disabledRules()).containsExactly(Map.entry("INCOMING_SSH_DISABLED",
                "no security group of this account allows SSH; covered by restricted-common-ports"));
        assertThat(baseline.homeRegion()).isEqualTo("eu-central-1");
        assertThat(baseline.isHomeRegion("eu-west-1")).isFalse();
        assertThat(baseline.trailRetentionDays()).isEqualTo(731);
        assertThat(baseline.organizationTrail()).isTrue();
        assertThat(baseline.organizationId()).contains("o-a1b2c3d4e5");
    }

    @Test
    void disabling_a_rule_without_a_reason_is_a_config_error() {
        assertThat(problem("{\"disabledRules\": {\"INCOMING_SSH_DISABLED\": \"  \"}}")).isEqualTo(
                "quest-platform:baseline.disabledRules.INCOMING_SSH_DISABLED: has no reason; a rule is switched off only with"
                        + " a written reason, e.g. INCOMING_SSH_DISABLED: \"why this account does not need it\"");
        assertThat(problem("{\"disabledRules\": {\"INCOMING_SSH_DISABLED\": null}}"))
                .startsWith("quest-platform:baseline.disabledRules.INCOMING_SSH_DISABLED: has no reason");
    }

    @Test
    void disabling_a_rule_the_baseline_does_not_have_is_a_config_error() {
        assertThat(problem("{\"disabledRules\": {\"RESTRICTED_SSH\": \"typo\"}}"))
                .startsWith("quest-platform:baseline.disabledRules.RESTRICTED_SSH: is not a managed rule of the baseline; expected one of ")
                .contains("IAM_USER_NO_POLICIES_CHECK, INCOMING_SSH_DISABLED, MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS");
    }

    @Test
    void the_password_policy_can_only_get_stricter() {
        assertThat(problem("{\"passwordPolicy\": {\"minimumLength\": 12}}")).isEqualTo(
                "quest-platform:baseline.passwordPolicy.minimumLength: 12 is outside the baseline; expected 14 (the baseline)"
                        + " to 128 (IAM's limit): a stack can only make passwords longer");
        assertThat(problem("{\"passwordPolicy\": {\"maxAgeDays\": 180}}")).isEqualTo(
                "quest-platform:baseline.passwordPolicy.maxAgeDays: 180 is outside the baseline; expected 1 to 90 days:"
                        + " a stack can only make passwords expire sooner");
        assertThat(problem("{\"passwordPolicy\": {\"reusePrevention\": 5}}"))
                .isEqualTo("quest-platform:baseline.passwordPolicy.reusePrevention: is not a setting Quest Platform knows;"
                        + " expected one of maxAgeDays, minimumLength");
    }

    @Test
    void other_mistakes_name_their_key() {
        assertThat(problem("{\"trailRetentionDays\": 42}")).startsWith(
                "quest-platform:baseline.trailRetentionDays: 42 is not a retention CloudWatch Logs accepts; expected one of 1, 3, 5,");
        assertThat(problem("{\"homeRegion\": \"Ireland\"}")).isEqualTo(
                "quest-platform:baseline.homeRegion: \"Ireland\" is not a region AWS runs; expected a region code such as eu-west-1 (see docs.aws.amazon.com/global-infrastructure/latest/regions)");
        Map<String, String> config = config(null);
        config.put("quest-platform:organization", "{\"trial\": true}");
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(config), DEV), ConfigException.class);
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "quest-platform:organization.trial: is not a setting Quest Platform knows; expected one of delegatedAdministrator, id, trail");

        config.put("quest-platform:organization", "{\"trail\": true, \"id\": \"123456789012\"}");
        e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(config), DEV), ConfigException.class);
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly("quest-platform:organization.id: \"123456789012\""
                + " is not an AWS Organizations ID; expected o- and 10 to 32 lowercase letters or digits");
    }
}
