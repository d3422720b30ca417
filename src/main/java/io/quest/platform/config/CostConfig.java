package io.quest.platform.config;

import io.quest.platform.cost.UsageAssumptions;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * {@code quest-platform:budget} and {@code quest-platform:usage}: what a stack may cost a month, and what it
 * is assumed to do in a month for the usage-based part of its estimate.
 *
 * @param budgetMonthlyUsd {@code budget.monthlyUsd}: an estimate above it is a plan finding. Defaults to none
 * @param usage            {@code usage.*}: requests, log volume, NAT traffic, Config items. Defaults to {@link UsageAssumptions#DEFAULT}
 */
public record CostConfig(OptionalDouble budgetMonthlyUsd, UsageAssumptions usage) {

    public static final CostConfig DEFAULT = new CostConfig(OptionalDouble.empty(), UsageAssumptions.DEFAULT);

    public CostConfig {
        Objects.requireNonNull(budgetMonthlyUsd, "budgetMonthlyUsd");
        Objects.requireNonNull(usage, "usage");
    }
}
