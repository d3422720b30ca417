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
    void the_trail_and_flow_log_groups_use_cloudwatchs_own_key_and_are_found_but_the_service_log_group_is_not() {
        assertThat(dev.ofType(LOG_GROUP)).hasSize(3);
        assertThat(dev.named("dev-web-logs").input("kmsKeyId")).asString().startsWith("arn:aws:kms:eu-west-1:222222222222:key/");

        assertThat(dev.findings()).filteredOn(f -> f.rule().equals("log-group-encryption"))
                .extracting(Finding::urn, Finding::severity, Finding::message).containsExactlyInAnyOrder(
                        tuple(dev.named("dev-trail-logs").urn(), Severity.low,
                                "log group dev-trail-logs is encrypted with CloudWatch's own key, not a customer-managed KMS key"),
                        tuple(dev.named("dev-flow-logs").urn(), Severity.low,
                                "log group dev-flow-logs is encrypted with CloudWatch's own key, not a customer-managed KMS key"));
    }

    @Test
    void log_groups_that_name_a_key_raise_nothing_and_an_empty_key_counts_as_none() {
        String key = (String) dev.named("dev-web-logs").input("kmsKeyId");
        StackPlan encrypted = dev;
        for (String name : new String[] {"dev-trail-logs", "dev-flow-logs"}) {
            encrypted = RulePlans.replace(encrypted, RulePlans.withInputs(dev.named(name), Map.of("kmsKeyId", key)));
        }
        assertThat(rule.check(encrypted, RulePlans.config("dev", false))).isEmpty();

        PlannedResource blank = RulePlans.withInputs(dev.named("dev-web-logs"), Map.of("kmsKeyId", ""));
        assertThat(rule.check(RulePlans.replace(encrypted, blank), RulePlans.config("dev", false)))
                .extracting(Finding::urn).containsExactly(blank.urn());
    }
}
