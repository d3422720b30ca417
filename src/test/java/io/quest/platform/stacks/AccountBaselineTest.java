package io.quest.platform.stacks;

import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One baseline in every account: the shared (security) account runs exactly what each workload account runs, each
 * stack in its own account, and no account gets an account-level singleton twice.
 */
class AccountBaselineTest {

    /** The account-level singletons of the baseline: AWS allows one per account (and region). */
    private static final List<String> SINGLETONS = List.of(
            "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
            "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
            "aws:accessanalyzer/analyzer:Analyzer",
            "aws:ebs/encryptionByDefault:EncryptionByDefault",
            "aws:cfg/recorder:Recorder",
            "aws:cfg/deliveryChannel:DeliveryChannel");

    private static final Map<String, String> ACCOUNTS = Map.of("shared", "111111111111", "dev", "222222222222", "prod", "333333333333");

    @Test
    void the_shared_account_runs_the_same_baseline_as_every_workload_account() {
        Plan plan = PlanFixture.repository();

        Set<String> dev = baseline(plan.stack("dev"), "dev");
        assertThat(dev).as("the workload baseline")
                .contains("quest:identity:IamLockdown > aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
                        "quest:identity:IamLockdown > aws:accessanalyzer/analyzer:Analyzer",
                        "quest:governance:ConfigRecorder > aws:cfg/recorder:Recorder",
                        "quest:governance:ConfigRules > aws:cfg/rule:Rule",
                        "quest:governance:AuditTrail > aws:cloudtrail/trail:Trail");
        assertThat(baseline(plan.stack("shared"), "shared")).isEqualTo(dev);
        assertThat(baseline(plan.stack("prod"), "prod")).isEqualTo(dev);
        assertThat(plan.stack("shared").ofType("aws:cfg/rule:Rule")).hasSameSizeAs(plan.stack("dev").ofType("aws:cfg/rule:Rule"));
    }

    @Test
    void each_account_holds_each_singleton_exactly_once_through_its_own_stack_s_provider() {
        Plan plan = PlanFixture.repository();

        for (String type : SINGLETONS) {
            for (StackPlan stack : plan.stacks()) {
                List<PlannedResource> found = stack.ofType(type);
                if (stack.stack().endsWith("-data")) {
                    // A data stack shares its environment's account, whose stack already holds the singleton.
                    assertThat(found).as(type + " in " + stack.stack()).isEmpty();
                    continue;
                }
                assertThat(found).as(type + " in " + stack.stack()).hasSize(1);
                PlannedResource provider = stack.byUrn(found.get(0).provider());
                assertThat(String.valueOf(provider.input("allowedAccountIds"))).as(type + "'s provider in " + stack.stack())
                        .contains(ACCOUNTS.get(stack.stack()));
            }
        }
    }

    @Test
    void the_shared_account_s_trail_and_recorder_deliver_to_its_own_archive_under_its_own_account() {
        StackPlan shared = PlanFixture.repository().stack("shared");

        assertThat(shared.ofType("aws:cloudtrail/trail:Trail")).singleElement().extracting(PlannedResource::inputs).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("name", "shared-trail")
                .containsEntry("s3BucketName", shared.outputs().get("logArchiveBucket"))
                .containsEntry("kmsKeyId", shared.outputs().get("logArchiveKeyArn"))
                .containsEntry("isMultiRegionTrail", true);
        assertThat(shared.named("shared-config-delivery").inputs())
                .containsEntry("s3BucketName", shared.outputs().get("logArchiveBucket"));
        // AWS Config delivers through its service-linked role, which the archive's bucket policy admits for this prefix
        assertThat((String) shared.named("log-archive-policy").input("policy"))
                .contains(shared.outputs().get("logArchiveBucketArn") + "/AWSLogs/111111111111/Config/*");
        assertThat(shared.named("shared-config-rules-aggregation").inputs()).containsEntry("accountId", "111111111111");
    }

    /** The baseline's components named after the environment, each with the types of its children. */
    private static Set<String> baseline(StackPlan stack, String env) {
        Map<String, String> names = Map.of("quest:identity:IamLockdown", env, "quest:governance:ConfigRecorder", env + "-config",
                "quest:governance:ConfigRules", env + "-config-rules", "quest:governance:AuditTrail", env + "-trail");
        Set<String> components = stack.resources().stream()
                .filter(r -> !r.custom() && r.name().equals(names.get(r.type())))
                .map(PlannedResource::urn).collect(Collectors.toSet());
        assertThat(components).as("baseline components of " + stack.stack()).hasSize(4);
        return stack.resources().stream().filter(r -> components.contains(r.parent()))
                .map(r -> stack.byUrn(r.parent()).type() + " > " + r.type())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
