package io.quest.platform.cost;

/**
 * The fixed monthly cost of a stack before and after a change, at one region's list prices before the free tier.
 *
 * @param region    whose prices
 * @param beforeUsd the resources that exist today
 * @param afterUsd  the resources that will exist
 */
public record CostChange(String region, double beforeUsd, double afterUsd) {

    /** After minus before: positive when the change adds cost. */
    public double deltaUsd() {
        return CostEstimate.round(afterUsd - beforeUsd);
    }

    /** The change in one line, for a report: {@code +$35.04 a month (fixed, eu-west-1 list prices): $12.00 → $47.04}. */
    public String summary() {
        double d = deltaUsd();
        return String.format("%s$%.2f a month (fixed items at %s list prices, before the free tier): $%.2f today, $%.2f after",
                d < 0 ? "-" : "+", Math.abs(d), region, beforeUsd, afterUsd);
    }
}
