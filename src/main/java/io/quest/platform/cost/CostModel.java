package io.quest.platform.cost;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.observability.CanarySchedule;
import io.quest.platform.plan.PlannedResource;
import io.quest.platform.plan.StackPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's fixed monthly cost from its plan: what runs by the hour whether or not anyone uses it.
 * Usage-priced items (data processed, requests, log volume) are left out and said to be.
 */
public final class CostModel {

    private CostModel() {
    }

    public static CostEstimate estimate(StackPlan plan, PlatformConfig config) {
        List<CostItem> items = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            switch (r.type()) {
                case "aws:ec2/natGateway:NatGateway" ->
                        items.add(hourly("NAT gateway", r, PriceBook.NAT_GATEWAY_HOUR));
                case "aws:ec2/eip:Eip" -> items.add(hourly("public IPv4 address", r, PriceBook.PUBLIC_IPV4_HOUR));
                case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                    if ("Interface".equals(r.input("vpcEndpointType"))) {
                        int azs = r.input("subnetIds") instanceof List<?> l ? l.size() : 1;
                        items.add(new CostItem("interface endpoint", r.urn(), azs * PriceBook.HOURS_PER_MONTH, "AZ-hours",
                                PriceBook.INTERFACE_ENDPOINT_AZ_HOUR, round(azs * PriceBook.HOURS_PER_MONTH * PriceBook.INTERFACE_ENDPOINT_AZ_HOUR)));
                    }
                }
                case "aws:lb/loadBalancer:LoadBalancer" -> items.add(hourly("application load balancer", r, PriceBook.ALB_HOUR));
                case "aws:ecs/service:Service" -> fargate(plan, r).ifPresent(items::add);
                case "aws:kms/key:Key" -> items.add(new CostItem("KMS key", r.urn(), 1, "key-months", PriceBook.KMS_KEY_MONTH, PriceBook.KMS_KEY_MONTH));
                case "aws:cloudwatch/metricAlarm:MetricAlarm" -> items.add(alarm(r));
                case "aws:synthetics/canary:Canary" -> canaryRuns(r).ifPresent(items::add);
                case "aws:cloudwatch/dashboard:Dashboard" ->
                        items.add(new CostItem("CloudWatch dashboard", r.urn(), 1, "dashboard-months", PriceBook.DASHBOARD_MONTH, PriceBook.DASHBOARD_MONTH));
                default -> {
                }
            }
        }
        return CostEstimate.of(items);
    }

    /**
     * A standard-resolution alarm is priced per metric it reads: one for a metric alarm, one per metric
     * (not per expression) for a metric math alarm (CloudWatch pricing, "Alarms").
     */
    static CostItem alarm(PlannedResource r) {
        long metrics = r.input("metricQueries") instanceof List<?> queries
                ? queries.stream().filter(q -> q instanceof Map<?, ?> m && m.get("metric") != null).count()
                : 1;
        return new CostItem("CloudWatch alarm", r.urn(), metrics, "alarm metric-months", PriceBook.ALARM_MONTH,
                round(metrics * PriceBook.ALARM_MONTH));
    }

    /** A canary's runs in an average month at its schedule's rate. */
    static Optional<CostItem> canaryRuns(PlannedResource r) {
        return CanarySchedule.parse(String.valueOf(r.input("schedule", "expression")))
                .map(schedule -> new CostItem("Synthetics canary runs (" + schedule.expression() + ")", r.urn(),
                        Math.round(schedule.runsPerMonth()), "runs", PriceBook.CANARY_RUN,
                        round(schedule.runsPerMonth() * PriceBook.CANARY_RUN)));
    }

    /**
     * A Fargate service's tasks at their desired count (autoscaling may run more): vCPU-hours and GB-hours
     * of the task definition it runs, Linux/x86 on demand.
     */
    static Optional<CostItem> fargate(StackPlan plan, PlannedResource service) {
        String arn = String.valueOf(service.input("taskDefinition"));
        int slash = arn.indexOf("task-definition/");
        if (slash < 0 || !(service.input("desiredCount") instanceof Number count)) {
            return Optional.empty();
        }
        String family = arn.substring(slash + "task-definition/".length()).replaceFirst(":\\d+$", "");
        return plan.ofType("aws:ecs/taskDefinition:TaskDefinition").stream()
                .filter(t -> family.equals(t.input("family")))
                .findFirst()
                .map(task -> {
                    double vcpu = Double.parseDouble(String.valueOf(task.input("cpu"))) / 1024;
                    double gb = Double.parseDouble(String.valueOf(task.input("memory"))) / 1024;
                    double perTaskHour = vcpu * PriceBook.FARGATE_VCPU_HOUR + gb * PriceBook.FARGATE_GB_HOUR;
                    double taskHours = count.doubleValue() * PriceBook.HOURS_PER_MONTH;
                    return new CostItem("Fargate tasks (" + count.intValue() + " x " + fmt(vcpu) + " vCPU, " + fmt(gb) + " GB)",
                            service.urn(), taskHours, "task-hours", perTaskHour, round(taskHours * perTaskHour));
                });
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static CostItem hourly(String what, PlannedResource r, double perHour) {
        return new CostItem(what, r.urn(), PriceBook.HOURS_PER_MONTH, "hours", perHour, round(PriceBook.HOURS_PER_MONTH * perHour));
    }

    static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
