package io.quest.platform.cost;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.plan.PlannedResource;
import io.quest.platform.plan.StackPlan;

import java.util.ArrayList;
import java.util.List;

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
                case "aws:kms/key:Key" -> items.add(new CostItem("KMS key", r.urn(), 1, "key-months", PriceBook.KMS_KEY_MONTH, PriceBook.KMS_KEY_MONTH));
                case "aws:cloudwatch/metricAlarm:MetricAlarm" ->
                        items.add(new CostItem("CloudWatch alarm", r.urn(), 1, "alarm-months", PriceBook.ALARM_MONTH, PriceBook.ALARM_MONTH));
                case "aws:cloudwatch/dashboard:Dashboard" ->
                        items.add(new CostItem("CloudWatch dashboard", r.urn(), 1, "dashboard-months", PriceBook.DASHBOARD_MONTH, PriceBook.DASHBOARD_MONTH));
                default -> {
                }
            }
        }
        return CostEstimate.of(items);
    }

    static CostItem hourly(String what, PlannedResource r, double perHour) {
        return new CostItem(what, r.urn(), PriceBook.HOURS_PER_MONTH, "hours", perHour, round(PriceBook.HOURS_PER_MONTH * perHour));
    }

    static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
