package io.quest.platform.cost;

import io.quest.platform.observability.CanarySchedule;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.planned.PlannedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's monthly cost from its plan, at the list prices of the region it deploys into: the fixed items
 * (what runs by the hour whether or not anyone uses it) and the usage-based items (from the stack's
 * {@link UsageAssumptions}), with the account's always-free tier taken off ({@link FreeTier}).
 */
public final class CostModel {

    static final double HOURS = PriceBook.HOURS_PER_MONTH;

    private CostModel() {
    }

    public static CostEstimate estimate(PlannedStack plan, String region, UsageAssumptions usage) {
        return estimate(plan, region, usage, PriceBook.standard());
    }

    static CostEstimate estimate(PlannedStack plan, String region, UsageAssumptions usage, PriceBook book) {
        Pricer pricer = new Pricer(book, region);
        FreeTier free = FreeTier.perAccount();
        List<CostItem> items = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            fixed(plan, r, pricer, free, items);
        }
        items.addAll(UsageCosts.items(plan, usage, pricer, free));
        return CostEstimate.of(region, items);
    }

    /**
     * What a change to a stack does to its fixed monthly cost: the resources that will exist priced against those
     * that exist today, at list price before the free tier (so adding an eleventh alarm shows its price), at the
     * region's prices. Resources in both lists cancel; what remains is added minus removed.
     */
    public static CostChange change(List<PlannedResource> before, List<PlannedResource> after, String region) {
        return new CostChange(region, fixedAtListPrice(before, region), fixedAtListPrice(after, region));
    }

    private static double fixedAtListPrice(List<PlannedResource> resources, String region) {
        PlannedStack plan = PlannedStack.of("", resources);
        Pricer pricer = new Pricer(PriceBook.standard(), region);
        FreeTier none = FreeTier.none();
        List<CostItem> items = new ArrayList<>();
        for (PlannedResource r : resources) {
            fixed(plan, r, pricer, none, items);
        }
        return CostEstimate.of(region, items).fixedUsd();
    }

    private static void fixed(PlannedStack plan, PlannedResource r, Pricer p, FreeTier free, List<CostItem> items) {
        switch (r.type()) {
            case "aws:ec2/natGateway:NatGateway" -> items.add(p.item("NAT gateway", r.urn(), HOURS, Price.NAT_GATEWAY_HOUR, CostKind.FIXED, null));
            case "aws:ec2/eip:Eip" -> items.add(p.item("public IPv4 address", r.urn(), HOURS, Price.PUBLIC_IPV4_HOUR, CostKind.FIXED, null));
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                if ("Interface".equals(r.input("vpcEndpointType"))) {
                    int azs = count(r.input("subnetIds"));
                    items.add(p.item("interface endpoint (" + azs + " AZs)", r.urn(), azs * HOURS, Price.INTERFACE_ENDPOINT_AZ_HOUR, CostKind.FIXED, null));
                }
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> loadBalancer(r, p, items);
            case "aws:ecs/service:Service" -> Fargate.desired(plan, r, p).ifPresent(items::add);
            case "aws:autoscaling/group:Group" -> items.addAll(instances(plan, r, p));
            // Without standby replicas a collection bills at least half an indexing and half a search OCU; with them, two
            // of each (Amazon OpenSearch Serverless pricing, https://aws.amazon.com/opensearch-service/pricing/, read 2026-12-02).
            case "aws:opensearch/serverlessCollection:ServerlessCollection" -> items.add(p.item(
                    "OpenSearch Serverless minimum compute", r.urn(), HOURS * ("DISABLED".equals(r.input("standbyReplicas")) ? 1 : 2),
                    Price.OPENSEARCH_SERVERLESS_OCU_HOUR, CostKind.FIXED, null));
            case "aws:kinesis/stream:Stream" -> items.add(p.item("Kinesis data stream shards", r.urn(),
                    HOURS * (r.input("shardCount") instanceof Number shards ? shards.doubleValue() : 1), Price.KINESIS_SHARD_HOUR,
                    CostKind.FIXED, null));
            case "aws:kms/key:Key" -> items.add(p.item("KMS key", r.urn(), 1, Price.KMS_KEY_MONTH, CostKind.FIXED, null));
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                double metrics = alarmMetrics(r);
                items.add(p.item("CloudWatch alarm", r.urn(), metrics, free.alarmMetrics(metrics), Price.ALARM_METRIC_MONTH, CostKind.FIXED, null));
            }
            case "aws:synthetics/canary:Canary" -> CanarySchedule.parse(String.valueOf(r.input("schedule", "expression"))).ifPresent(s -> {
                double runs = Math.round(s.runsPerMonth());
                items.add(p.item("Synthetics canary runs (" + s.expression() + ")", r.urn(), runs, free.canaryRuns(runs),
                        Price.CANARY_RUN, CostKind.FIXED, null));
            });
            case "aws:wafv2/webAcl:WebAcl" -> {
                items.add(p.item("AWS WAF web ACL", r.urn(), 1, Price.WAF_WEB_ACL_MONTH, CostKind.FIXED, null));
                int rules = count(r.input("rules"));
                items.add(p.item("AWS WAF rules (" + rules + " managed rule groups)", r.urn(), rules, Price.WAF_RULE_MONTH,
                        CostKind.FIXED, null));
            }
            case "aws:guardduty/detectorFeature:DetectorFeature" -> runtimeMonitoring(plan, r, p).ifPresent(items::add);
            case "aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/cluster:Cluster" ->
                    items.addAll(Databases.items(plan, r, p));
            case "aws:secretsmanager/secret:Secret" ->
                    items.add(p.item("Secrets Manager secret", r.urn(), 1, Price.SECRET_MONTH, CostKind.FIXED, null));
            case "aws:cloudwatch/dashboard:Dashboard" ->
                    items.add(p.item("CloudWatch dashboard", r.urn(), 1, free.dashboards(1), Price.DASHBOARD_MONTH, CostKind.FIXED, null));
            default -> {
            }
        }
    }

    /**
     * GuardDuty Runtime Monitoring of the stack's Fargate tasks at their desired count, when the detector's Runtime
     * Monitoring manages the Fargate agent: billed per monitored vCPU for as long as the tasks run, so fixed like the
     * tasks themselves (GuardDuty pricing, "Runtime Monitoring").
     */
    static Optional<CostItem> runtimeMonitoring(PlannedStack plan, PlannedResource feature, Pricer p) {
        if (!"RUNTIME_MONITORING".equals(feature.input("name")) || !"ENABLED".equals(feature.input("status"))
                || !(feature.input("additionalConfigurations") instanceof List<?> agents) || agents.stream().noneMatch(a ->
                a instanceof Map<?, ?> m && "ECS_FARGATE_AGENT_MANAGEMENT".equals(m.get("name")) && "ENABLED".equals(m.get("status")))) {
            return Optional.empty();
        }
        double vcpus = 0;
        for (PlannedResource service : plan.ofType("aws:ecs/service:Service")) {
            if (service.provider() != null && !service.provider().equals(feature.provider())) {
                continue; // tasks in another region are another detector's
            }
            Object desired = service.input("desiredCount");
            double count = desired instanceof Number n ? n.doubleValue() : 0;
            vcpus += Fargate.taskDefinition(plan, service).map(Fargate::vcpu).orElse(0.0) * count;
        }
        if (vcpus == 0) {
            return Optional.empty();
        }
        return Optional.of(p.item("GuardDuty Runtime Monitoring of Fargate tasks (" + Pricer.fmt(vcpus) + " vCPU)", feature.urn(),
                vcpus, Price.GUARDDUTY_RUNTIME_VCPU_MONTH, CostKind.FIXED, "the tasks at their desired count"));
    }

    /**
     * An Application Load Balancer by the hour, and, when internet-facing, the public IPv4 address it holds
     * in each AZ it spans (Elastic Load Balancing gives an internet-facing ALB one address per enabled AZ).
     */
    static void loadBalancer(PlannedResource r, Pricer p, List<CostItem> items) {
        if (!"application".equals(String.valueOf(r.input("loadBalancerType") == null ? "application" : r.input("loadBalancerType")))) {
            return;
        }
        items.add(p.item("application load balancer", r.urn(), HOURS, Price.ALB_HOUR, CostKind.FIXED, null));
        if (!Boolean.TRUE.equals(r.input("internal"))) {
            int azs = Math.max(count(r.input("subnets")), count(r.input("subnetMappings")));
            items.add(p.item("public IPv4 addresses of the load balancer (" + azs + " AZs)", r.urn(), azs * HOURS,
                    Price.PUBLIC_IPV4_HOUR, CostKind.FIXED, null));
        }
    }

    /**
     * The instances an Auto Scaling group keeps running (its desired capacity) from its launch template, and
     * their root volumes. Only instance types the price book knows are priced.
     */
    static List<CostItem> instances(PlannedStack plan, PlannedResource group, Pricer p) {
        Object desired = group.input("desiredCapacity");
        Object template = group.input("launchTemplate", "id");
        if (!(desired instanceof Number count) || template == null) {
            return List.of();
        }
        Optional<PlannedResource> lt = plan.ofType("aws:ec2/launchTemplate:LaunchTemplate").stream()
                .filter(t -> template.equals(t.id())).findFirst();
        if (lt.isEmpty()) {
            return List.of();
        }
        String type = String.valueOf(lt.get().input("instanceType"));
        Optional<Price> hourly = Price.byKey("ec2-" + type + "-hour");
        List<CostItem> items = new ArrayList<>();
        hourly.ifPresent(price -> items.add(p.item("EC2 " + type + " (" + count.intValue() + ")", group.urn(),
                count.doubleValue() * HOURS, price, CostKind.FIXED, null)));
        if (lt.get().input("blockDeviceMappings") instanceof List<?> disks) {
            double gb = disks.stream().filter(d -> d instanceof Map<?, ?>)
                    .map(d -> ((Map<?, ?>) d).get("ebs"))
                    .filter(e -> e instanceof Map<?, ?> m && "gp3".equals(m.get("volumeType")) && m.get("volumeSize") instanceof Number)
                    .mapToDouble(e -> ((Number) ((Map<?, ?>) e).get("volumeSize")).doubleValue()).sum();
            if (gb > 0) {
                items.add(p.item("EBS gp3 root volumes (" + Pricer.fmt(count.doubleValue() * gb) + " GB)", group.urn(),
                        count.doubleValue() * gb, Price.EBS_GP3_GB_MONTH, CostKind.FIXED, null));
            }
        }
        return items;
    }

    /**
     * A standard-resolution alarm is priced per metric it reads: one for a metric alarm, one per metric (not
     * per expression) for a metric math alarm (CloudWatch pricing, "Alarms").
     */
    static double alarmMetrics(PlannedResource r) {
        return r.input("metricQueries") instanceof List<?> queries
                ? queries.stream().filter(q -> q instanceof Map<?, ?> m && m.get("metric") != null).count()
                : 1;
    }

    static int count(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }
}
