package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;

import java.util.List;

/**
 * A stack whose estimated monthly cost (fixed plus usage-based, at its region's list prices) is above
 * {@code quest-platform:budget.monthlyUsd}. Medium: money, not a breach; it names the largest items so the
 * reader knows where to cut.
 */
public final class BudgetRule implements PolicyRule {

    @Override
    public String id() {
        return "over-budget";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        if (plan.cost() == null || config.cost() == null || config.cost().budgetMonthlyUsd().isEmpty()) {
            return List.of();
        }
        double budget = config.cost().budgetMonthlyUsd().getAsDouble();
        double estimate = plan.cost().monthlyUsd();
        if (estimate <= budget) {
            return List.of();
        }
        String largest = String.join(", ", plan.cost().largest(3).stream()
                .map(i -> String.format("%s $%.2f", i.item(), i.monthlyUsd())).toList());
        String urn = plan.cost().largest(1).stream().map(i -> i.urn()).findFirst().orElse(null);
        return List.of(new Finding(id(), Severity.medium, urn, String.format(
                "stack %s is estimated at $%.2f a month ($%.2f fixed, $%.2f usage-based, %s prices), over its budget of $%.2f "
                        + "(quest-platform:budget.monthlyUsd) by $%.2f; largest items: %s",
                plan.stack(), estimate, plan.cost().fixedUsd(), plan.cost().usageUsd(), plan.cost().region(), budget,
                estimate - budget, largest)));
    }
}
