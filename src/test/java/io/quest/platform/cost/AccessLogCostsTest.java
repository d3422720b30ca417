package io.quest.platform.cost;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** S3 server access logs in the estimate: storage of each access-log bucket, for as long as its lifecycle keeps the logs. */
class AccessLogCostsTest {

    private static final PriceBook BOOK = PriceBook.standard();
    private static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";

    private static PlannedResource lifecycle(String name, String ruleId, int days) {
        return new PlannedResource("urn:pulumi:dev::quest-platform::" + LIFECYCLE + "::" + name, name + "-id", LIFECYCLE, name,
                true, null, null, List.of(), false, false,
                Map.of("rules", List.of(Map.of("id", ruleId, "status", "Enabled", "expiration", Map.of("days", days)))), List.of());
    }

    private static CostEstimate estimate(List<PlannedResource> resources, double gbPerMonth) {
        StackPlan plan = new StackPlan("dev", List.of(), resources, Map.of(), Map.of(), List.of(), List.of(), null);
        return CostModel.estimate(plan, "us-east-1", new UsageAssumptions(0, 0, 0, 0, 0, 0, 0, 0, 0, gbPerMonth), BOOK);
    }

    @Test
    void each_access_log_bucket_stores_its_logs_for_its_lifecycle_s_days_and_other_buckets_are_not_counted() {
        CostEstimate e = estimate(List.of(lifecycle("dev-alb-logs-access-logs", "expire-access-logs", 365),
                lifecycle("dev-alb-logs", "expire-alb-logs", 90)), 0.5);

        List<CostItem> items = e.items().stream().filter(i -> i.item().equals("S3 server access logs storage")).toList();
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.USAGE);
            assertThat(i.urn()).endsWith("::dev-alb-logs-access-logs");
            // 0.5 GB a month kept a year is six GB-months at the steady state, at S3 Standard's us-east-1 price
            assertThat(i.quantity()).isCloseTo(6.0, within(0.01));
            assertThat(i.monthlyUsd()).isCloseTo(6.0 * BOOK.quote("us-east-1", Price.S3_STANDARD_GB_MONTH).usd(), within(0.01));
            assertThat(i.basis()).contains("0.50 GB of access logs a month (accessLogGbPerMonth), kept 365 days");
        });
        assertThat(estimate(List.of(lifecycle("dev-alb-logs-access-logs", "expire-access-logs", 365)), 0).items()).isEmpty();
    }

    @Test
    void every_access_log_bucket_of_the_repository_s_platform_is_priced() {
        Plan plan = PlanFixture.repository();
        for (StackPlan stack : plan.stacks()) {
            long buckets = stack.ofType(LIFECYCLE).stream().filter(l -> String.valueOf(l.input("rules")).contains("id=expire-access-logs")).count();
            long priced = stack.cost().items().stream().filter(i -> i.item().equals("S3 server access logs storage")).count();
            assertThat(priced).as(stack.stack()).isEqualTo(buckets);
        }
        assertThat(plan.stack("shared").cost().items()).anySatisfy(i -> assertThat(i.item()).isEqualTo("S3 server access logs storage"));
    }
}
