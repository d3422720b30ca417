package io.quest.platform.cost;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.planned.PlannedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The usage-based part of an estimate: what grows with traffic, logs and changes, from the stack's
 * {@link UsageAssumptions}. Each line names the assumption it rests on.
 */
final class UsageCosts {

    /** Days in an average month, for retention arithmetic. */
    static final double DAYS_PER_MONTH = 365.0 / 12;
    /** The lifecycle rule that marks an access-log bucket (storage.AccessLogBucket). */
    static final String ACCESS_LOG_RULE = "expire-access-logs";
    /** A log group that never expires is assumed to hold a year of logs. */
    static final double NEVER_EXPIRES_MONTHS = 12;

    private UsageCosts() {
    }

    static List<CostItem> items(PlannedStack plan, UsageAssumptions u, Pricer p, FreeTier free) {
        List<CostItem> items = new ArrayList<>();
        plan.ofType("aws:lb/loadBalancer:LoadBalancer").stream()
                .filter(lb -> "application".equals(lb.input("loadBalancerType")) || lb.input("loadBalancerType") == null)
                .forEach(lb -> items.add(lcus(lb, u, p)));
        first(plan, "aws:ec2/natGateway:NatGateway").ifPresent(nat -> items.add(p.item(
                "NAT gateway data processed", nat.urn(), u.natGbPerMonth(), Price.NAT_GATEWAY_GB, CostKind.USAGE,
                Pricer.fmt(u.natGbPerMonth()) + " GB a month through the NAT gateways (natGbPerMonth)")));
        logs(plan, u, p, free, items);
        LogArchiveCosts.items(plan, u, p, items);
        first(plan, "aws:cfg/recorder:Recorder").ifPresent(recorder -> {
            items.add(p.item("AWS Config configuration items", recorder.urn(), u.configItemsPerMonth(), Price.CONFIG_ITEM, CostKind.USAGE,
                    Pricer.fmt(u.configItemsPerMonth()) + " items recorded a month (configItemsPerMonth)"));
            int rules = plan.ofType("aws:cfg/rule:Rule").size();
            double evaluations = u.configItemsPerMonth() + 30 * rules;
            items.add(p.item("AWS Config rule evaluations", recorder.urn(), evaluations, Price.CONFIG_RULE_EVALUATION, CostKind.USAGE,
                    "one evaluation per configuration item plus a daily evaluation of each of the " + rules + " rules"));
        });
        if (u.tasksAboveDesired() > 0) {
            for (PlannedResource service : plan.ofType("aws:ecs/service:Service")) {
                Fargate.taskDefinition(plan, service).ifPresent(task -> items.add(Fargate.tasks(task, u.tasksAboveDesired(), service.urn(), p,
                        CostKind.USAGE, "Fargate tasks above the desired count (" + Fargate.size(task) + ")",
                        Pricer.fmt(u.tasksAboveDesired()) + " extra tasks on average (tasksAboveDesired)")));
            }
        }
        for (PlannedResource schedule : plan.ofType("aws:scheduler/schedule:Schedule")) {
            ScheduledTasks.runs(plan, schedule, p).ifPresent(items::add);
        }
        // GuardDuty and Security Hub bill per account and region: a line for each detector and each hub.
        for (PlannedResource detector : plan.ofType("aws:guardduty/detector:Detector")) {
            items.add(p.item("GuardDuty CloudTrail event analysis", detector.urn(), u.cloudTrailEventsPerMonth() / 1_000_000,
                    Price.GUARDDUTY_MILLION_EVENTS, CostKind.USAGE,
                    Pricer.fmt(u.cloudTrailEventsPerMonth()) + " management events a month in the detector's region (cloudTrailEventsPerMonth)"));
        }
        for (PlannedResource hub : plan.ofType("aws:securityhub/account:Account")) {
            items.add(p.item("Security Hub security checks", hub.urn(), u.securityChecksPerMonth(), Price.SECURITY_HUB_CHECK, CostKind.USAGE,
                    Pricer.fmt(u.securityChecksPerMonth()) + " checks a month in the hub's region (securityChecksPerMonth); finding"
                            + " ingestion stays within the free 10,000 events"));
        }
        // A trail that records S3 data events bills every one of them, the first copy included.
        plan.ofType("aws:cloudtrail/trail:Trail").stream().filter(t -> t.input("eventSelectors") instanceof List<?> s && !s.isEmpty())
                .forEach(trail -> items.add(p.item("CloudTrail S3 data events", trail.urn(), u.s3DataEventsPerMonth() / 100_000,
                        Price.CLOUDTRAIL_DATA_100K_EVENTS, CostKind.USAGE, Pricer.fmt(u.s3DataEventsPerMonth())
                                + " object reads and writes a month of the buckets the trail watches (s3DataEventsPerMonth)")));
        for (PlannedResource acl : plan.ofType("aws:wafv2/webAcl:WebAcl")) {
            items.add(p.item("AWS WAF requests inspected", acl.urn(), u.requestsPerMonth() / 1_000_000, Price.WAF_MILLION_REQUESTS,
                    CostKind.USAGE, Pricer.fmt(u.requestsPerMonth()) + " requests a month (requestsPerMonth), every one inspected"));
        }
        accessLogs(plan, u, p, items);
        return items;
    }

    /**
     * S3 server access logs: each access-log bucket (the one whose lifecycle rule {@value #ACCESS_LOG_RULE} expires its
     * logs) holds {@code accessLogGbPerMonth} for as many days as the rule keeps them, in S3 Standard. S3 delivers the
     * logs without request or transfer charges: enabling the logging costs nothing, the delivered log files accrue the
     * usual storage charges (Amazon S3 User Guide, "Logging requests with server access logging", read 2026-12-02).
     */
    static void accessLogs(PlannedStack plan, UsageAssumptions u, Pricer p, List<CostItem> items) {
        if (u.accessLogGbPerMonth() == 0) {
            return;
        }
        for (PlannedResource lifecycle : plan.ofType("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")) {
            if (!(lifecycle.input("rules") instanceof List<?> rules)) {
                continue;
            }
            for (Object rule : rules) {
                if (rule instanceof java.util.Map<?, ?> r && ACCESS_LOG_RULE.equals(r.get("id"))
                        && r.get("expiration") instanceof java.util.Map<?, ?> expiration && expiration.get("days") instanceof Number days) {
                    double stored = u.accessLogGbPerMonth() * days.doubleValue() / DAYS_PER_MONTH;
                    items.add(p.item("S3 server access logs storage", lifecycle.urn(), stored, Price.S3_STANDARD_GB_MONTH, CostKind.USAGE,
                            Pricer.fmt(u.accessLogGbPerMonth()) + " GB of access logs a month (accessLogGbPerMonth), kept "
                                    + days.intValue() + " days in S3 Standard"));
                }
            }
        }
    }

    /**
     * Load balancer capacity units: each hour is billed for its largest dimension. With requests spread evenly
     * over the month and one new connection per request, new connections give rps / 25 LCUs and processed
     * bytes give GB per hour / 1 LCU (Elastic Load Balancing pricing, "LCU details"); rule evaluations and
     * active connections stay below both for a service with a handful of listener rules.
     */
    static CostItem lcus(PlannedResource lb, UsageAssumptions u, Pricer p) {
        double perHour = u.requestsPerMonth() / CostModel.HOURS;
        double byConnections = perHour / 3600 / 25;
        double byBytes = perHour * u.kbPerRequest() / 1_000_000;
        double lcuHours = Math.max(byConnections, byBytes) * CostModel.HOURS;
        return p.item("load balancer capacity units", lb.urn(), lcuHours, Price.ALB_LCU_HOUR, CostKind.USAGE,
                Pricer.fmt(u.requestsPerMonth()) + " requests a month of " + Pricer.fmt(u.kbPerRequest())
                        + " KB (requestsPerMonth, kbPerRequest), spread evenly");
    }

    /**
     * Log ingestion, and storage at the steady state the log groups' retention gives (GB a month times the
     * average retention in months); the free tier's 5 GB go to ingestion first.
     */
    static void logs(PlannedStack plan, UsageAssumptions u, Pricer p, FreeTier free, List<CostItem> items) {
        List<PlannedResource> groups = plan.ofType("aws:cloudwatch/logGroup:LogGroup");
        if (groups.isEmpty() || u.logGbPerMonth() == 0) {
            return;
        }
        String urn = groups.get(0).urn();
        String assumption = Pricer.fmt(u.logGbPerMonth()) + " GB of logs a month (logGbPerMonth)";
        items.add(p.item("CloudWatch Logs ingestion", urn, u.logGbPerMonth(), free.logGb(u.logGbPerMonth()), Price.LOG_INGEST_GB,
                CostKind.USAGE, assumption));
        OptionalDouble months = groups.stream().mapToDouble(g -> g.input("retentionInDays") instanceof Number days && days.doubleValue() > 0
                ? days.doubleValue() / DAYS_PER_MONTH : NEVER_EXPIRES_MONTHS).average();
        double stored = u.logGbPerMonth() * months.orElse(NEVER_EXPIRES_MONTHS);
        items.add(p.item("CloudWatch Logs storage", urn, stored, free.logGb(stored), Price.LOG_STORAGE_GB_MONTH, CostKind.USAGE,
                assumption + " kept for the log groups' average retention of " + Pricer.fmt(months.orElse(NEVER_EXPIRES_MONTHS)) + " months"));
    }

    private static java.util.Optional<PlannedResource> first(PlannedStack plan, String type) {
        return plan.ofType(type).stream().findFirst();
    }
}
