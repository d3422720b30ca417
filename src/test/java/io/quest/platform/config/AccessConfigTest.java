package io.quest.platform.config;

import io.quest.platform.identity.AccessRole;
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

/** {@code quest-platform:access}: defaults, what it reads, and every rejection with its message. */
class AccessConfigTest {

    private static final StackIdentity SHARED = new StackIdentity("acme", "quest-platform", "shared");

    private static Map<String, String> shared(String access) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "111111111111");
        config.put("quest-platform:accounts", "{\"shared\": \"111111111111\", \"dev\": \"222222222222\", \"prod\": \"333333333333\"}");
        config.put("quest-platform:ciRepository", "acme/quest-platform");
        if (access != null) {
            config.put("quest-platform:access", access);
        }
        return config;
    }

    private static AccessConfig load(String access) {
        return PlatformConfig.load(ConfigSource.of(shared(access)), SHARED).shared().access();
    }

    private static ConfigException failure(String access) {
        return catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(shared(access)), SHARED), ConfigException.class);
    }

    @Test
    void by_default_identity_center_is_used_in_the_stacks_region_with_each_roles_session_and_no_assignments() {
        AccessConfig access = load(null);

        assertThat(access.identityCenter()).isTrue();
        assertThat(access.region()).isEqualTo("eu-west-1");
        assertThat(access.sessionHours()).isEmpty();
        assertThat(access.groups()).isEmpty();
    }

    @Test
    void groups_are_read_per_permission_set_and_account_and_sessions_per_permission_set() {
        AccessConfig access = load("""
                {"region": "us-east-1",
                 "sessionDurations": {"read-only": "PT12H", "administrator": "PT2H"},
                 "groups": {"read-only": {"dev": ["developers", "Équipe Qualité"], "prod": ["developers"]},
                            "break-glass": {"shared": ["platform-on-call"]}}}""");

        assertThat(access.region()).isEqualTo("us-east-1");
        assertThat(access.sessionHours()).containsExactly(Map.entry(AccessRole.ADMINISTRATOR, 2), Map.entry(AccessRole.READ_ONLY, 12));
        assertThat(access.groups().get(AccessRole.READ_ONLY)).containsExactly(
                Map.entry("dev", List.of("developers", "Équipe Qualité")), Map.entry("prod", List.of("developers")));
        assertThat(access.groups().get(AccessRole.BREAK_GLASS)).containsExactly(Map.entry("shared", List.of("platform-on-call")));
    }

    @Test
    void identity_center_can_be_turned_off_but_then_takes_no_groups_or_sessions() {
        assertThat(load("{\"identityCenter\": false}").identityCenter()).isFalse();

        ConfigException e = failure("{\"identityCenter\": false, \"groups\": {\"read-only\": {\"dev\": [\"developers\"]}}}");
        assertThat(e.getMessage()).contains("quest-platform:access.groups: is set while quest-platform:access.identityCenter is false,"
                + " so nothing would use it");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("{\"sessionDurations\": {\"read-only\": \"PT13H\"}}",
                        "quest-platform:access.sessionDurations.read-only: \"PT13H\" is not a session length AWS accepts for a permission set;"
                                + " expected an ISO-8601 duration of whole hours from PT1H to PT12H, for example PT4H"),
                Arguments.of("{\"sessionDurations\": {\"read-only\": \"PT0H\"}}",
                        "quest-platform:access.sessionDurations.read-only: \"PT0H\" is not a session length AWS accepts"),
                Arguments.of("{\"sessionDurations\": {\"administrator\": \"8h\"}}",
                        "quest-platform:access.sessionDurations.administrator: \"8h\" is not a session length AWS accepts"),
                Arguments.of("{\"sessionDurations\": {\"administrator\": \"PT30M\"}}",
                        "quest-platform:access.sessionDurations.administrator: \"PT30M\" is not a session length AWS accepts"),
                Arguments.of("{\"sessionDurations\": {\"admin\": \"PT1H\"}}",
                        "quest-platform:access.sessionDurations.admin: \"admin\" is not a permission set; expected one of administrator,"
                                + " deployer, read-only, security-auditor, break-glass"),
                Arguments.of("{\"groups\": {\"power-user\": {\"dev\": [\"developers\"]}}}",
                        "quest-platform:access.groups.power-user: \"power-user\" is not a permission set; expected one of administrator"),
                Arguments.of("{\"groups\": {\"read-only\": {\"staging\": [\"developers\"]}}}",
                        "quest-platform:access.groups.read-only.staging: \"staging\" is not an account of quest-platform:accounts;"
                                + " expected one of [shared, dev, prod]"),
                Arguments.of("{\"groups\": {\"deployer\": {\"shared\": [\"platform-engineers\"]}}}",
                        "quest-platform:access.groups.deployer.shared: \"shared\" cannot be given the deployer permission set: it is bounded"
                                + " by the deployer's permissions boundary, which exists only in the member accounts"),
                Arguments.of("{\"groups\": {\"break-glass\": {\"prod\": [\"platform-on-call\"]}}}",
                        "quest-platform:access.groups.break-glass.prod: \"prod\" cannot be given the break-glass permission set: the member"
                                + " accounts' break-glass roles trust its role in the shared account, so it is assigned there; expected shared"),
                Arguments.of("{\"groups\": {\"read-only\": {\"dev\": []}}}",
                        "quest-platform:access.groups.read-only.dev: names no group; expected at least one group display name"),
                Arguments.of("{\"groups\": {\"read-only\": {\"dev\": [\"  \"]}}}",
                        "quest-platform:access.groups.read-only.dev: \"  \" is blank; expected the display name of a group in the Identity Store"),
                Arguments.of("{\"groups\": {\"read-only\": {\"dev\": [\"dev\\u0007ops\"]}}}",
                        "quest-platform:access.groups.read-only.dev: \"dev\u0007ops\" is not an Identity Store group display name"),
                Arguments.of("{\"groups\": {\"read-only\": {\"dev\": [\"" + "g".repeat(1025) + "\"]}}}",
                        "is 1025 characters; an Identity Store group's display name has at most 1024"),
                Arguments.of("{\"groups\": {\"read-only\": {\"dev\": [\"developers\", \"developers\"]}}}",
                        "quest-platform:access.groups.read-only.dev: \"developers\" is listed twice; expected each group once"),
                Arguments.of("{\"groups\": {\"read-only\": {\"dev\": \"developers\"}}}", null),
                Arguments.of("{\"region\": \"eu-west-9\"}",
                        "quest-platform:access.region: \"eu-west-9\" is not a region AWS runs; expected the region of the organisation's"
                                + " IAM Identity Center instance"),
                Arguments.of("{\"identityCentre\": true}",
                        "quest-platform:access.identityCentre: is not a setting Quest Platform knows; expected one of groups, identityCenter,"
                                + " region, sessionDurations"),
                Arguments.of("{\"identityCenter\": \"yes\"}",
                        "quest-platform:access.identityCenter: \"yes\" is not a boolean; expected true or false"));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void bad_access_settings_are_refused_naming_key_value_and_expectation(String access, String message) {
        if (message == null) {
            // A single name reads as a list of one, as everywhere in the configuration.
            assertThat(load(access).groups().get(AccessRole.READ_ONLY)).containsExactly(Map.entry("dev", List.of("developers")));
            return;
        }
        ConfigException e = failure(access);

        assertThat(e).as(access).isNotNull();
        assertThat(e.getMessage()).contains(message);
    }
}
