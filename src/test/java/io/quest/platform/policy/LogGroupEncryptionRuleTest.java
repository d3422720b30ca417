package io.quest.platform.policy;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** {@code log-group-encryption}: a log group without a customer-managed KMS key is a low finding. */
class LogGroupEncryptionRuleTest {

    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    private final StackPlan dev = PlanFixture.repository().stack("dev");
    private final LogGroupEncryptionRule rule = new LogGroupEncryptionRule();

    @Test
    void every_log_group_of_the_plan_names_its_own_key_so_nothing_is_found() {
        assertThat(dev.ofType(LOG_GROUP)).hasSize(3).allSatisfy(g ->
                assertThat(g.input("kmsKeyId")).asString().startsWith("arn:aws:kms:eu-west-1:222222222222:key/"));
        assertThat(dev.findings()).extracting(Finding::rule).doesNotContain("log-group-encryption");
    }

    @Test
    void a_log_group_without_a_key_is_a_low_finding() {
        PlannedResource plain = RulePlans.withInputs(dev.named("dev-trail-logs"), Map.of("kmsKeyId", ""));
        assertThat(rule.check(RulePlans.replace(dev, plain), RulePlans.config("dev", false)))
                .extracting(Finding::urn, Finding::severity, Finding::message).containsExactly(
                        tuple(plain.urn(), Severity.low,
                                "log group dev-trail-logs is encrypted with CloudWatch's own key, not a customer-managed KMS key"));
    }

    @Test
    void log_groups_that_name_a_key_raise_nothing_and_an_empty_key_counts_as_none() {
        StackPlan encrypted = dev;
        assertThat(rule.check(encrypted, RulePlans.config("dev", false))).isEmpty();

        PlannedResource blank = RulePlans.withInputs(dev.named("dev-web-logs"), Map.of("kmsKeyId", ""));
        assertThat(rule.check(RulePlans.replace(encrypted, blank), RulePlans.config("dev", false)))
                .extracting(Finding::urn).containsExactly(blank.urn());
    }
}
