package io.quest.platform.cost;

import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's dev stack: the full baseline, monitoring and service at or under $75 a month at eu-west-1 prices. */
class DevEstimateTest {

    static final double DEV_CEILING_USD = 75;

    @Test
    void dev_with_the_full_baseline_monitoring_and_service_costs_at_most_75_dollars_at_eu_west_1_prices() {
        StackPlan dev = PlanFixture.repository().stack("dev");
        assertThat(dev.cost().region()).isEqualTo("eu-west-1");
        // the full baseline, monitoring and the service are all in this estimate
        assertThat(dev.ofType("aws:cfg/recorder:Recorder")).hasSize(1);
        assertThat(dev.ofType("aws:cfg/rule:Rule")).isNotEmpty();
        assertThat(dev.ofType("aws:cloudtrail/trail:Trail")).hasSize(1);
        assertThat(dev.ofType("aws:synthetics/canary:Canary")).hasSize(1);
        assertThat(dev.ofType("aws:cloudwatch/dashboard:Dashboard")).hasSize(1);
        assertThat(dev.ofType("aws:ecs/service:Service")).hasSize(1);
        assertThat(dev.ofType("aws:lb/loadBalancer:LoadBalancer")).hasSize(1);

        assertThat(dev.cost().monthlyUsd()).isLessThanOrEqualTo(DEV_CEILING_USD);
        assertThat(dev.cost().usageUsd()).isPositive();
        // egress through one NAT instance, not a NAT gateway
        assertThat(dev.ofType("aws:ec2/natGateway:NatGateway")).isEmpty();
        assertThat(dev.cost().items()).extracting(CostItem::item).contains("EC2 t4g.nano (1)");
        assertThat(dev.findings()).extracting(f -> f.rule()).doesNotContain("over-budget");
    }

    @Test
    void the_same_dev_stack_behind_a_nat_gateway_would_cost_more_than_75_dollars() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        files.put("dev", files.get("dev").replace("natGateways: instance", "natGateways: single"));
        StackPlan dev = PlanFixture.plan(files, "dev").stack("dev");
        assertThat(dev.ofType("aws:ec2/natGateway:NatGateway")).hasSize(1);
        assertThat(dev.cost().monthlyUsd()).isGreaterThan(DEV_CEILING_USD);
    }

    @Test
    void every_stack_of_the_repository_is_priced_at_its_own_region() {
        for (StackPlan stack : PlanFixture.repository().stacks()) {
            assertThat(stack.cost().region()).as(stack.stack()).isEqualTo("eu-west-1");
            assertThat(stack.cost().items()).as(stack.stack())
                    .allSatisfy(i -> assertThat(i.basis()).matches("(no eu-west-1 price in the book; )?(eu-west-1|us-east-1|us-east-2|every region) price, .*"));
        }
    }
}
