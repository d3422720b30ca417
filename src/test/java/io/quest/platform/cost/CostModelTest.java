package io.quest.platform.cost;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Price arithmetic on hand-made plans: which items, at which region's price, fixed or usage-based, after the free tier. */
class CostModelTest {

    private static final PriceBook BOOK = PriceBook.standard();
    private static final UsageAssumptions NONE = new UsageAssumptions(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final List<PlannedResource> resources = new ArrayList<>();

    private PlannedResource add(String type, String name, Map<String, Object> inputs) {
        PlannedResource r = new PlannedResource("urn:pulumi:dev::quest-platform::" + type + "::" + name, name + "-id", type, name,
                true, null, null, List.of(), false, false, inputs, List.of());
        resources.add(r);
        return r;
    }

    private CostEstimate estimate(String region, UsageAssumptions usage) {
        StackPlan plan = new StackPlan("dev", List.of(), resources, Map.of(), Map.of(), List.of(), List.of(), null);
        return CostModel.estimate(plan, region, usage, BOOK);
    }

    private static double price(String region, Price price) {
        return BOOK.quote(region, price).usd();
    }

    private static List<CostItem> named(CostEstimate e, String item) {
        return e.items().stream().filter(i -> i.item().equals(item)).toList();
    }

    @Test
    void the_same_nat_gateway_costs_each_region_s_own_price() {
        add("aws:ec2/natGateway:NatGateway", "dev-nat-a", Map.of());
        double ireland = estimate("eu-west-1", NONE).fixedUsd();
        double virginia = estimate("us-east-1", NONE).fixedUsd();
        assertThat(ireland).isEqualTo(Math.round(730 * price("eu-west-1", Price.NAT_GATEWAY_HOUR) * 100) / 100.0).isEqualTo(35.04);
        assertThat(virginia).isEqualTo(32.85);
        assertThat(estimate("eu-west-1", NONE).region()).isEqualTo("eu-west-1");
    }

    @Test
    void an_internet_facing_load_balancer_pays_for_a_public_ipv4_address_in_each_az_and_an_internal_one_does_not() {
        add("aws:lb/loadBalancer:LoadBalancer", "web-alb", Map.of("loadBalancerType", "application", "internal", false,
                "subnets", List.of("subnet-a", "subnet-b", "subnet-c")));
        add("aws:lb/loadBalancer:LoadBalancer", "internal-alb", Map.of("loadBalancerType", "application", "internal", true,
                "subnets", List.of("subnet-a", "subnet-b")));
        CostEstimate e = estimate("eu-west-1", NONE);
        List<CostItem> addresses = e.items().stream().filter(i -> i.item().startsWith("public IPv4 addresses of the load balancer")).toList();
        assertThat(addresses).singleElement().satisfies(i -> {
            assertThat(i.urn()).endsWith("::web-alb");
            assertThat(i.quantity()).isEqualTo(3 * 730.0);
            assertThat(i.monthlyUsd()).isEqualTo(10.95);
            assertThat(i.kind()).isEqualTo(CostKind.FIXED);
        });
        assertThat(named(e, "application load balancer")).hasSize(2)
                .allSatisfy(i -> assertThat(i.unitUsd()).isEqualTo(price("eu-west-1", Price.ALB_HOUR)));
    }

    @Test
    void an_interface_endpoint_is_billed_per_az_and_a_gateway_endpoint_not_at_all() {
        add("aws:ec2/vpcEndpoint:VpcEndpoint", "ecr-api", Map.of("vpcEndpointType", "Interface", "subnetIds", List.of("a", "b", "c")));
        add("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", Map.of("vpcEndpointType", "Gateway"));
        CostEstimate e = estimate("us-east-1", NONE);
        assertThat(e.items()).singleElement().satisfies(i -> {
            assertThat(i.item()).isEqualTo("interface endpoint (3 AZs)");
            assertThat(i.quantity()).isEqualTo(3 * 730.0);
            assertThat(i.monthlyUsd()).isEqualTo(21.90);
        });
    }

    @Test
    void the_first_ten_alarm_metrics_three_dashboards_and_hundred_canary_runs_are_free() {
        for (int n = 0; n < 10; n++) {
            add("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm-" + n, Map.of());
        }
        add("aws:cloudwatch/metricAlarm:MetricAlarm", "rate", Map.of("metricQueries", List.of(
                Map.of("id", "errors", "metric", Map.of("metricName", "5xx")),
                Map.of("id", "requests", "metric", Map.of("metricName", "RequestCount")),
                Map.of("id", "rate", "expression", "errors / requests"))));
        for (int n = 0; n < 4; n++) {
            add("aws:cloudwatch/dashboard:Dashboard", "dashboard-" + n, Map.of());
        }
        add("aws:synthetics/canary:Canary", "health", Map.of("schedule", Map.of("expression", "rate(5 minutes)")));
        CostEstimate e = estimate("us-east-1", NONE);

        List<CostItem> alarms = named(e, "CloudWatch alarm");
        assertThat(alarms).hasSize(11);
        assertThat(alarms.subList(0, 10)).allSatisfy(i -> assertThat(i.monthlyUsd()).isZero());
        assertThat(alarms.get(10).quantity()).isEqualTo(2.0);
        assertThat(alarms.get(10).monthlyUsd()).isEqualTo(0.20);
        assertThat(named(e, "CloudWatch dashboard")).extracting(CostItem::monthlyUsd).containsExactly(0.0, 0.0, 0.0, 3.0);
        assertThat(e.items()).filteredOn(i -> i.item().startsWith("Synthetics")).singleElement().satisfies(i -> {
            assertThat(i.quantity()).isEqualTo(8760.0);
            assertThat(i.monthlyUsd()).isEqualTo(10.39);
            assertThat(i.basis()).contains("100 runs in the free tier");
        });
        assertThat(e.fixedUsd()).isEqualTo(0.20 + 3.0 + 10.39, within(1e-9));
    }

    @Test
    void usage_items_are_labelled_and_totalled_apart_from_fixed_ones() {
        add("aws:ec2/natGateway:NatGateway", "nat", Map.of());
        add("aws:lb/loadBalancer:LoadBalancer", "alb", Map.of("loadBalancerType", "application", "internal", true, "subnets", List.of("a", "b")));
        add("aws:cloudwatch/logGroup:LogGroup", "logs", Map.of("retentionInDays", 30));
        add("aws:cfg/recorder:Recorder", "recorder", Map.of());
        add("aws:cfg/rule:Rule", "rule-1", Map.of());
        add("aws:cfg/rule:Rule", "rule-2", Map.of());
        UsageAssumptions usage = new UsageAssumptions(7_300_000, 100, 15, 100, 2_000, 0, 0, 0, 0, 0);
        CostEstimate e = estimate("eu-west-1", usage);

        assertThat(e.items()).filteredOn(i -> i.kind() == CostKind.USAGE).extracting(CostItem::item).containsExactly(
                "load balancer capacity units", "NAT gateway data processed", "CloudWatch Logs ingestion", "CloudWatch Logs storage",
                "AWS Config configuration items", "AWS Config rule evaluations");
        // 10,000 requests an hour of 100 KB: 1 GB an hour, 1 LCU by processed bytes (new connections give 0.11).
        assertThat(named(e, "load balancer capacity units").get(0).quantity()).isCloseTo(730.0, within(1e-6));
        assertThat(named(e, "NAT gateway data processed").get(0).monthlyUsd()).isEqualTo(4.80);
        // 15 GB ingested, the first 5 free; storage 15 GB x 30/30.42 months, the free tier already spent.
        assertThat(named(e, "CloudWatch Logs ingestion").get(0).monthlyUsd()).isEqualTo(Math.round(10 * price("eu-west-1", Price.LOG_INGEST_GB) * 100) / 100.0);
        assertThat(named(e, "CloudWatch Logs storage").get(0).quantity()).isCloseTo(15 * 30 / (365.0 / 12), within(1e-9));
        assertThat(named(e, "AWS Config rule evaluations").get(0).quantity()).isEqualTo(2_000 + 30 * 2.0);
        assertThat(e.items()).filteredOn(i -> i.kind() == CostKind.USAGE)
                .allSatisfy(i -> assertThat(i.basis()).contains("assumes"));
        double usageSum = e.items().stream().filter(i -> i.kind() == CostKind.USAGE).mapToDouble(CostItem::monthlyUsd).sum();
        assertThat(e.usageUsd()).isEqualTo(Math.round(usageSum * 100) / 100.0);
        assertThat(e.monthlyUsd()).isEqualTo(Math.round((e.fixedUsd() + e.usageUsd()) * 100) / 100.0);
    }

    @Test
    void no_nat_gateway_means_no_nat_data_processing_charge() {
        add("aws:lb/loadBalancer:LoadBalancer", "alb", Map.of("loadBalancerType", "application", "subnets", List.of("a", "b")));
        assertThat(named(estimate("eu-west-1", UsageAssumptions.DEFAULT), "NAT gateway data processed")).isEmpty();
    }

    @Test
    void a_nat_instance_group_is_priced_as_its_desired_instances_and_their_root_volumes() {
        PlannedResource lt = add("aws:ec2/launchTemplate:LaunchTemplate", "dev-nat-lt-a", Map.of("instanceType", "t4g.nano",
                "blockDeviceMappings", List.of(Map.of("deviceName", "/dev/xvda", "ebs", Map.of("volumeType", "gp3", "volumeSize", 8)))));
        add("aws:autoscaling/group:Group", "dev-nat-asg-a", Map.of("desiredCapacity", 1, "launchTemplate", Map.of("id", lt.id())));
        CostEstimate e = estimate("us-east-1", NONE);
        assertThat(e.items()).extracting(CostItem::item).containsExactly("EC2 t4g.nano (1)", "EBS gp3 root volumes (8 GB)");
        assertThat(e.items().get(0).monthlyUsd()).isEqualTo(Math.round(730 * price("us-east-1", Price.EC2_T4G_NANO_HOUR) * 100) / 100.0);
        assertThat(e.items().get(1).monthlyUsd()).isEqualTo(0.64);
    }

    @Test
    void fargate_beyond_the_desired_count_is_usage_and_arm_tasks_take_the_arm_price() {
        Map<String, Object> task = new LinkedHashMap<>(Map.of("family", "web", "cpu", "1024", "memory", "2048",
                "runtimePlatform", Map.of("cpuArchitecture", "ARM64")));
        add("aws:ecs/taskDefinition:TaskDefinition", "web", task);
        add("aws:ecs/service:Service", "web", Map.of("desiredCount", 2, "taskDefinition", "arn:aws:ecs:us-east-1:1:task-definition/web:3"));
        CostEstimate e = estimate("us-east-1", new UsageAssumptions(0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0));
        double perTask = price("us-east-1", Price.FARGATE_ARM_VCPU_HOUR) + 2 * price("us-east-1", Price.FARGATE_ARM_GB_HOUR);
        assertThat(e.items()).hasSize(2);
        assertThat(e.items().get(0)).satisfies(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.FIXED);
            assertThat(i.unitUsd()).isCloseTo(perTask, within(1e-12));
            assertThat(i.quantity()).isEqualTo(2 * 730.0);
        });
        assertThat(e.items().get(1)).satisfies(i -> {
            assertThat(i.kind()).isEqualTo(CostKind.USAGE);
            assertThat(i.quantity()).isEqualTo(0.5 * 730);
            assertThat(i.basis()).contains("tasksAboveDesired");
        });
    }

    @Test
    void the_largest_items_are_the_five_most_expensive_in_order() {
        add("aws:kms/key:Key", "key", Map.of());
        add("aws:ec2/natGateway:NatGateway", "nat", Map.of());
        add("aws:ec2/eip:Eip", "eip", Map.of());
        add("aws:lb/loadBalancer:LoadBalancer", "alb", Map.of("loadBalancerType", "application", "subnets", List.of("a", "b")));
        add("aws:ec2/vpcEndpoint:VpcEndpoint", "logs", Map.of("vpcEndpointType", "Interface", "subnetIds", List.of("a", "b")));
        add("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", Map.of());
        CostEstimate e = estimate("us-east-1", NONE);
        assertThat(e.largest(5)).extracting(CostItem::item).containsExactly("NAT gateway", "application load balancer",
                "interface endpoint (2 AZs)", "public IPv4 addresses of the load balancer (2 AZs)", "public IPv4 address");
        assertThat(e.largest(5)).isSortedAccordingTo((a, b) -> Double.compare(b.monthlyUsd(), a.monthlyUsd()));
    }
}
