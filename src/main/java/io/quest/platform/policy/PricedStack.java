package io.quest.platform.policy;

import io.quest.platform.cost.CostEstimate;
import io.quest.platform.planned.PlannedStack;

/** What a rule reads: a stack's planned resources and its cost estimate (null when it was not priced). */
public interface PricedStack extends PlannedStack {

    CostEstimate cost();
}
