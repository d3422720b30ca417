package io.quest.platform.identity;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The account lockdown as the dev and prod stacks register it. */
class IamLockdownTest {

    private static StackPlan dev;
    private static StackPlan stricter;
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        var plan = PlanFixture.plan(Map.of(
                "shared", PlanFixture.SHARED,
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"),
                "prod", PlanFixture.environment("333333333333", "10.20.0.0/16") + """
                          quest-platform:baseline:
                            passwordPolicy: {minimumLength: 20, maxAgeDays: 30}
                        """));
        dev = plan.stack("dev");
        stricter = plan.stack("prod");
        shared = plan.stack("shared");
    }

    @Test
    void the_password_policy_is_the_cis_baseline_by_default() {
        List<PlannedResource> policies = dev.ofType("aws:iam/accountPasswordPolicy:AccountPasswordPolicy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0).inputs()).containsAllEntriesOf(Map.of(
                "minimumPasswordLength", 14L,
                "requireUppercaseCharacters", true,
                "requireLowercaseCharacters", true,
                "requireNumbers", true,
                "requireSymbols", true,
                "passwordReusePrevention", 24L,
                "maxPasswordAge", 90L,
                "allowUsersToChangePassword", true,
                "hardExpiry", false));
    }

    @Test
    void a_stack_can_make_the_password_policy_stricter() {
        PlannedResource policy = stricter.named("prod-password-policy");
        assertThat(policy.input("minimumPasswordLength")).isEqualTo(20L);
        assertThat(policy.input("maxPasswordAge")).isEqualTo(30L);
        assertThat(policy.input("passwordReusePrevention")).isEqualTo(24L);
    }

    @Test
    void the_access_analyzer_watches_the_account() {
        PlannedResource analyzer = dev.named("dev-access-analyzer");
        assertThat(analyzer.input("type")).isEqualTo("ACCOUNT");
        assertThat(analyzer.input("analyzerName")).isEqualTo("dev-account");
    }

    @Test
    void s3_public_access_is_blocked_for_the_whole_account_in_all_four_ways() {
        PlannedResource block = dev.named("dev-s3-public-access-block");
        assertThat(block.inputs()).containsAllEntriesOf(Map.of(
                "accountId", "222222222222",
                "blockPublicAcls", true,
                "ignorePublicAcls", true,
                "blockPublicPolicy", true,
                "restrictPublicBuckets", true));
    }

    @Test
    void ebs_volumes_are_encrypted_by_default() {
        assertThat(dev.named("dev-ebs-encryption").input("enabled")).isEqualTo(true);
    }

    @Test
    void every_lockdown_resource_is_a_child_of_the_component_and_goes_through_the_stack_provider() {
        PlannedResource component = dev.ofType(IamLockdown.TYPE).get(0);
        List<PlannedResource> children = dev.resources().stream().filter(r -> component.urn().equals(r.parent())).toList();
        assertThat(children).hasSize(4).allSatisfy(r -> assertThat(r.provider()).contains("pulumi:providers:aws::dev-aws"));
    }

    @Test
    void the_platform_creates_no_iam_users_or_access_keys() {
        for (StackPlan stack : List.of(dev, stricter, shared)) {
            assertThat(stack.resources()).noneMatch(r -> r.type().startsWith("aws:iam/user")
                    || r.type().equals("aws:iam/accessKey:AccessKey") || r.type().startsWith("aws:iam/loginProfile"));
        }
    }
}
