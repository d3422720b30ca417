package io.quest.platform.cost;

/**
 * What AWS's always-free tier leaves unbilled in one account each month, handed out in the order resources
 * are registered (CloudWatch pricing, "Free tier": https://aws.amazon.com/cloudwatch/pricing/, read
 * 2026-12-02). A stack is priced as if it had its account to itself: stacks sharing an account share one
 * free tier, so their estimates together undercount by at most the free tier once.
 */
final class FreeTier {

    /** Standard-resolution alarm metrics a month. */
    static final double ALARM_METRICS = 10;
    /** Custom dashboards (of up to 50 metrics each) a month. */
    static final double DASHBOARDS = 3;
    /** Synthetics canary runs a month. */
    static final double CANARY_RUNS = 100;
    /** GB of CloudWatch Logs data (ingestion, archive storage and Insights scans together) a month. */
    static final double LOG_GB = 5;

    private double alarmMetrics;
    private double dashboards;
    private double canaryRuns;
    private double logGb;

    private FreeTier(double share) {
        alarmMetrics = ALARM_METRICS * share;
        dashboards = DASHBOARDS * share;
        canaryRuns = CANARY_RUNS * share;
        logGb = LOG_GB * share;
    }

    /** One account's free tier. */
    static FreeTier perAccount() {
        return new FreeTier(1);
    }

    /** No free tier: list prices for every unit, for comparing two states of a stack. */
    static FreeTier none() {
        return new FreeTier(0);
    }

    double alarmMetrics(double wanted) {
        double free = Math.min(alarmMetrics, wanted);
        alarmMetrics -= free;
        return free;
    }

    double dashboards(double wanted) {
        double free = Math.min(dashboards, wanted);
        dashboards -= free;
        return free;
    }

    double canaryRuns(double wanted) {
        double free = Math.min(canaryRuns, wanted);
        canaryRuns -= free;
        return free;
    }

    double logGb(double wanted) {
        double free = Math.min(logGb, wanted);
        logGb -= free;
        return free;
    }
}
