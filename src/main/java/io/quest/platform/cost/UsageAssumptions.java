package io.quest.platform.cost;

/**
 * What a stack is assumed to do in a month, for the usage-based part of its estimate
 * ({@code quest-platform:usage}). Every value is a plain number a reader can check against a bill.
 *
 * @param requestsPerMonth          HTTP requests the load balancer serves. Defaults to 1,000,000
 * @param kbPerRequest              average request plus response size, KB. Defaults to 20
 * @param logGbPerMonth             GB of logs ingested into CloudWatch Logs (service, flow logs, trail). Defaults to 2
 * @param natGbPerMonth             GB through the NAT gateways (a NAT instance has no processing charge). Defaults to 5
 * @param configItemsPerMonth       AWS Config configuration items recorded. Defaults to 1,000
 * @param tasksAboveDesired         average Fargate tasks running above the desired count (autoscaling). Defaults to 0
 * @param cloudTrailEventsPerMonth  management events GuardDuty analyses, where a detector is enabled. Defaults to 100,000
 * @param securityChecksPerMonth    Security Hub security checks, where Security Hub is enabled. Defaults to 10,000
 * @param s3DataEventsPerMonth      S3 data events (object reads and writes) a trail records, where it records any. Defaults
 *                                  to 100,000
 * @param accessLogGbPerMonth       GB of S3 server access logs each access-log bucket receives. Defaults to 0.05 (about
 *                                  100,000 requests to its source bucket, at some 500 bytes a log record)
 */
public record UsageAssumptions(
        double requestsPerMonth,
        double kbPerRequest,
        double logGbPerMonth,
        double natGbPerMonth,
        double configItemsPerMonth,
        double tasksAboveDesired,
        double cloudTrailEventsPerMonth,
        double securityChecksPerMonth,
        double s3DataEventsPerMonth,
        double accessLogGbPerMonth) {

    public static final UsageAssumptions DEFAULT = new UsageAssumptions(1_000_000, 20, 2, 5, 1_000, 0, 100_000, 10_000, 100_000, 0.05);

    public UsageAssumptions {
        for (double v : new double[] {requestsPerMonth, kbPerRequest, logGbPerMonth, natGbPerMonth, configItemsPerMonth,
                tasksAboveDesired, cloudTrailEventsPerMonth, securityChecksPerMonth, s3DataEventsPerMonth, accessLogGbPerMonth}) {
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalArgumentException("usage assumptions are never negative: " + v);
            }
        }
    }
}
