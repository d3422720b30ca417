package io.quest.platform.cost;

import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** GuardDuty, Security Hub and AWS WAF in the estimate: what is fixed, what grows with use, per account and region. */
class SecurityCostsTest {

    private static final PriceBook BOOK = PriceBook.standard();
    private static final UsageAssumptions USAGE = new UsageAssumptions(2_000_000, 20, 0, 0, 0, 0, 250_000, 20_000, 0, 0);

    private final List<PlannedResource> resources = new ArrayList<>();

    private PlannedResource add(String type, String name, String provider, Map<String, Object> inputs) {
        PlannedResource r = new PlannedResource("urn:pulumi:prod::quest-platform::" + type + "::" + name, name + "-id", type, name,
                true, null, provider, List.of(), false, false, inputs, List.of());
        resources.add(r);
        return r;
    }

    private CostEstimate estimate() {
        StackPlan plan = new StackPlan("prod", List.of(), resources, Map.of(), Map.of(), List.of(), List.of(), null);
        return CostModel.estimate(plan, "eu-west-1", USAGE, BOOK);
    }

    private static List<CostItem> named(CostEstimate e, String prefix) {
        return e.items().stream().filter(i -> i.item().startsWith(prefix)).toList();
    }

    @Test
    void a_web_acl_is_fixed_per_acl_and_per_rule_group_and_usage_per_million_requests() {
        add("aws:wafv2/webAcl:WebAcl", "prod-web-waf", null, Map.of("rules", List.of(Map.of(), Map.of(), Map.of())));

        CostEstimate e = estimate();

        assertThat(named(e, "AWS WAF web ACL")).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.FIXED);
            assertThat(i.monthlyUsd()).isEqualTo(5.00);
        });
        assertThat(named(e, "AWS WAF rules (3 managed rule groups)")).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.FIXED);
            assertThat(i.monthlyUsd()).isEqualTo(3.00);
        });
        assertThat(named(e, "AWS WAF requests inspected")).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.USAGE);
            assertThat(i.monthlyUsd()).isEqualTo(1.20);
            assertThat(i.basis()).contains("2,000,000 requests a month (requestsPerMonth)");
        });
        assertThat(BOOK.quote("ap-southeast-2", Price.WAF_WEB_ACL_MONTH).usd()).as("the same in every region")
                .isEqualTo(BOOK.quote("us-east-1", Price.WAF_WEB_ACL_MONTH).usd());
    }

    @Test
    void guardduty_and_security_hub_are_usage_per_account_and_region() {
        add("aws:guardduty/detector:Detector", "prod-guardduty-eu-west-1", "home", Map.of("enable", true));
        add("aws:guardduty/detector:Detector", "prod-guardduty-eu-central-1", "away", Map.of("enable", true));
        add("aws:securityhub/account:Account", "prod-security-hub-eu-west-1", "home", Map.of());
        add("aws:securityhub/account:Account", "prod-security-hub-eu-central-1", "away", Map.of());

        CostEstimate e = estimate();

        assertThat(named(e, "GuardDuty CloudTrail event analysis")).hasSize(2).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.USAGE);
            assertThat(i.quantity()).isEqualTo(0.25);
        });
        assertThat(named(e, "Security Hub security checks")).hasSize(2).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.USAGE);
            assertThat(i.quantity()).isEqualTo(20_000);
            assertThat(i.monthlyUsd()).isCloseTo(20_000 * BOOK.quote("eu-west-1", Price.SECURITY_HUB_CHECK).usd(), within(0.01));
        });
    }

    @Test
    void runtime_monitoring_is_fixed_per_vcpu_of_the_fargate_tasks_in_the_detector_s_region_when_the_agent_is_managed() {
        add("aws:ecs/taskDefinition:TaskDefinition", "prod-web", "home", Map.of("family", "prod-web", "cpu", "512", "memory", "1024"));
        add("aws:ecs/service:Service", "prod-web", "home", Map.of("desiredCount", 3,
                "taskDefinition", "arn:aws:ecs:eu-west-1:333333333333:task-definition/prod-web:1"));
        Map<String, Object> managed = Map.of("name", "RUNTIME_MONITORING", "status", "ENABLED", "additionalConfigurations",
                List.of(Map.of("name", "ECS_FARGATE_AGENT_MANAGEMENT", "status", "ENABLED")));
        add("aws:guardduty/detectorFeature:DetectorFeature", "prod-guardduty-eu-west-1-runtime-monitoring", "home", managed);
        add("aws:guardduty/detectorFeature:DetectorFeature", "prod-guardduty-eu-central-1-runtime-monitoring", "away", managed);

        List<CostItem> runtime = named(estimate(), "GuardDuty Runtime Monitoring");

        assertThat(runtime).as("only the detector in the tasks' region").singleElement().satisfies(i -> {
            assertThat(i.item()).isEqualTo("GuardDuty Runtime Monitoring of Fargate tasks (1.50 vCPU)");
            assertThat(i.kind()).isEqualTo(CostKind.FIXED);
            assertThat(i.quantity()).isEqualTo(1.5);
            assertThat(i.monthlyUsd()).isCloseTo(1.5 * BOOK.quote("eu-west-1", Price.GUARDDUTY_RUNTIME_VCPU_MONTH).usd(), within(0.01));
        });
    }

    @Test
    void without_the_fargate_agent_runtime_monitoring_costs_nothing() {
        add("aws:ecs/taskDefinition:TaskDefinition", "prod-web", "home", Map.of("family", "prod-web", "cpu", "512", "memory", "1024"));
        add("aws:ecs/service:Service", "prod-web", "home", Map.of("desiredCount", 3,
                "taskDefinition", "arn:aws:ecs:eu-west-1:333333333333:task-definition/prod-web:1"));
        add("aws:guardduty/detectorFeature:DetectorFeature", "prod-guardduty-eu-west-1-runtime-monitoring", "home",
                Map.of("name", "RUNTIME_MONITORING", "status", "ENABLED", "additionalConfigurations",
                        List.of(Map.of("name", "ECS_FARGATE_AGENT_MANAGEMENT", "status", "DISABLED"))));

        assertThat(named(estimate(), "GuardDuty Runtime Monitoring")).isEmpty();
    }

    @Test
    void the_repository_s_stacks_carry_every_security_service_s_items_labelled() {
        StackPlan dev = PlanFixture.repository().stack("dev");
        StackPlan prod = PlanFixture.repository().stack("prod");
        StackPlan shared = PlanFixture.repository().stack("shared");

        for (StackPlan stack : List.of(dev, prod, shared)) {
            assertThat(stack.cost().items()).as(stack.stack()).filteredOn(i -> i.item().startsWith("GuardDuty CloudTrail")
                    || i.item().startsWith("Security Hub")).hasSize(2).allSatisfy(i -> assertThat(i.kind()).isEqualTo(CostKind.USAGE));
        }
        assertThat(dev.cost().items()).filteredOn(i -> i.item().startsWith("GuardDuty Runtime Monitoring"))
                .singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(CostKind.FIXED));
        assertThat(dev.cost().items()).noneMatch(i -> i.item().startsWith("AWS WAF"));
        assertThat(prod.cost().items()).filteredOn(i -> i.item().startsWith("AWS WAF")).extracting(CostItem::kind)
                .containsExactlyInAnyOrder(CostKind.FIXED, CostKind.FIXED, CostKind.USAGE);
    }

    @Test
    void dev_with_the_web_acl_would_cost_more_than_75_dollars_which_is_why_dev_turns_it_off_in_its_stack_file() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        assertThat(files.get("dev")).contains("    waf: false");
        files.put("dev", files.get("dev").replace("    waf: false", "    waf: true"));

        StackPlan dev = PlanFixture.plan(files, "dev").stack("dev");

        assertThat(dev.ofType("aws:wafv2/webAcl:WebAcl")).hasSize(1);
        assertThat(dev.cost().monthlyUsd()).isGreaterThan(DevEstimateTest.DEV_CEILING_USD);
    }
}
