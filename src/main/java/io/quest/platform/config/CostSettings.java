package io.quest.platform.config;

import io.quest.platform.cost.UsageAssumptions;

import java.util.OptionalDouble;

/** Reads and validates {@code quest-platform:budget} and {@code quest-platform:usage}. */
final class CostSettings {

    /** The largest number any of these settings takes: far above any real bill, far below a typo's exponent. */
    static final double MAX = 1e12;

    private CostSettings() {
    }

    static CostConfig read(Settings ns) {
        Settings budget = ns.object("budget");
        OptionalDouble monthly = OptionalDouble.empty();
        if (budget.has("monthlyUsd")) {
            double usd = budget.number("monthlyUsd", 0, -MAX, MAX);
            if (usd <= 0) {
                budget.reject("monthlyUsd", usd, "is not a budget; expected a number of US dollars above 0, for example 75");
            } else {
                monthly = OptionalDouble.of(usd);
            }
        }
        budget.rejectUnknown();

        Settings s = ns.object("usage");
        UsageAssumptions d = UsageAssumptions.DEFAULT;
        UsageAssumptions usage = new UsageAssumptions(
                s.number("requestsPerMonth", d.requestsPerMonth(), 0, MAX),
                s.number("kbPerRequest", d.kbPerRequest(), 0, 1_000_000),
                s.number("logGbPerMonth", d.logGbPerMonth(), 0, MAX),
                s.number("natGbPerMonth", d.natGbPerMonth(), 0, MAX),
                s.number("configItemsPerMonth", d.configItemsPerMonth(), 0, MAX),
                s.number("tasksAboveDesired", d.tasksAboveDesired(), 0, 10_000),
                s.number("cloudTrailEventsPerMonth", d.cloudTrailEventsPerMonth(), 0, MAX),
                s.number("securityChecksPerMonth", d.securityChecksPerMonth(), 0, MAX),
                s.number("s3DataEventsPerMonth", d.s3DataEventsPerMonth(), 0, MAX),
                s.number("accessLogGbPerMonth", d.accessLogGbPerMonth(), 0, MAX));
        s.rejectUnknown();
        return new CostConfig(monthly, usage);
    }
}
