package io.quest.platform.policy;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code unprotected-state}: production keeps its keys, buckets and registries protected; other stacks need not. */
class UnprotectedStateRuleTest {

    private final StackPlan prod = PlanFixture.repository().stack("prod");
    private final StackPlan dev = PlanFixture.repository().stack("dev");
    private final UnprotectedStateRule rule = new UnprotectedStateRule();

    private static List<PlannedResource> stateful(StackPlan plan) {
        return plan.resources().stream().filter(r -> UnprotectedStateRule.STATEFUL.contains(r.type())).toList();
    }

    @Test
    void the_production_plan_protects_every_stateful_resource_and_raises_nothing() {
        assertThat(stateful(prod)).hasSize(9).allSatisfy(r -> assertThat(r.protect()).as(r.name()).isTrue());
        assertThat(rule.check(prod, RulePlans.config("prod", true))).isEmpty();
        assertThat(prod.findings()).extracting(Finding::rule).doesNotContain(rule.id());
    }

    @Test
    void an_unprotected_bucket_in_production_is_a_high_finding() {
        PlannedResource logs = prod.named("prod-web-alb-logs");
        StackPlan exposed = RulePlans.replace(prod, RulePlans.unprotected(logs));

        assertThat(rule.check(exposed, RulePlans.config("prod", true))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unprotected-state");
            assertThat(f.severity()).isEqualTo(Severity.high);
            assertThat(f.urn()).isEqualTo(logs.urn());
            assertThat(f.message()).isEqualTo("aws:s3/bucketV2:BucketV2 prod-web-alb-logs holds state in a production stack"
                    + " but is not protected from deletion");
        });
        assertThat(Policies.evaluate(exposed, RulePlans.config("prod", true))).extracting(Finding::rule).contains("unprotected-state");
    }

    @Test
    void unprotected_state_outside_production_is_no_finding_until_the_stack_is_marked_production() {
        List<PlannedResource> unprotected = stateful(dev).stream().filter(r -> !r.protect()).toList();
        assertThat(unprotected).hasSize(8);

        assertThat(rule.check(dev, RulePlans.config("dev", false))).isEmpty();
        assertThat(rule.check(dev, RulePlans.config("dev", true))).extracting(Finding::urn)
                .containsExactlyInAnyOrderElementsOf(unprotected.stream().map(PlannedResource::urn).toList());
    }
}
