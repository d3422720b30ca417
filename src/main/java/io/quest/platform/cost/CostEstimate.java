package io.quest.platform.cost;

import java.util.List;

/** A stack's estimated monthly cost: the sum of its items, in US dollars. */
public record CostEstimate(double monthlyUsd, List<CostItem> items) {

    public CostEstimate {
        items = List.copyOf(items);
    }

    public static CostEstimate of(List<CostItem> items) {
        double total = items.stream().mapToDouble(CostItem::monthlyUsd).sum();
        return new CostEstimate(Math.round(total * 100) / 100.0, items);
    }
}
