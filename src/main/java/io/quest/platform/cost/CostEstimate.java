package io.quest.platform.cost;

import java.util.Comparator;
import java.util.List;

/**
 * A stack's estimated monthly cost in US dollars at one region's list prices: fixed items (what the stack
 * costs standing still) and usage-based items (from the stack's usage assumptions), totalled separately.
 *
 * @param region     the region whose prices were used (a stand-in price says so on its item)
 * @param monthlyUsd fixed plus usage-based
 * @param fixedUsd   the fixed items
 * @param usageUsd   the usage-based items
 * @param items      every item, in the order the resources were registered
 */
public record CostEstimate(String region, double monthlyUsd, double fixedUsd, double usageUsd, List<CostItem> items) {

    public CostEstimate {
        items = List.copyOf(items);
    }

    public static CostEstimate of(String region, List<CostItem> items) {
        double fixed = items.stream().filter(i -> i.kind() == CostKind.FIXED).mapToDouble(CostItem::monthlyUsd).sum();
        double usage = items.stream().filter(i -> i.kind() == CostKind.USAGE).mapToDouble(CostItem::monthlyUsd).sum();
        return new CostEstimate(region, round(fixed + usage), round(fixed), round(usage), items);
    }

    /** The {@code n} most expensive items, most expensive first (ties keep registration order). */
    public List<CostItem> largest(int n) {
        return items.stream()
                .filter(i -> i.monthlyUsd() > 0)
                .sorted(Comparator.comparingDouble(CostItem::monthlyUsd).reversed())
                .limit(n)
                .toList();
    }

    /** Whether any item is priced at another region's price because the book has none for this one. */
    public List<CostItem> standIns() {
        return items.stream().filter(i -> i.basis().startsWith("no " + region + " price")).toList();
    }

    static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
