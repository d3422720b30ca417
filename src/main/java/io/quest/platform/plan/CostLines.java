package io.quest.platform.plan;

import io.quest.platform.cost.CostEstimate;
import io.quest.platform.cost.CostItem;

/** A stack's cost as the text and Markdown plans show it: fixed and usage-based totals and the five largest items. */
final class CostLines {

    /** How many of the most expensive items a plan lists. */
    static final int LARGEST = 5;

    private CostLines() {
    }

    static void text(StringBuilder out, CostEstimate cost) {
        if (cost == null) {
            return;
        }
        out.append(String.format("  Cost: about $%.2f a month at %s list prices: $%.2f fixed, $%.2f usage-based (quest-platform:usage)%n",
                cost.monthlyUsd(), cost.region(), cost.fixedUsd(), cost.usageUsd()));
        for (CostItem i : cost.largest(LARGEST)) {
            out.append(String.format("    $%8.2f  %-5s  %s  (%s)%n", i.monthlyUsd(), kind(i), i.item(), name(i.urn())));
        }
        if (!cost.standIns().isEmpty()) {
            out.append(String.format("    %d items use us-east-1 prices: the price book has no %s price for them%n",
                    cost.standIns().size(), cost.region()));
        }
    }

    static void markdown(StringBuilder out, CostEstimate cost) {
        if (cost == null) {
            return;
        }
        out.append(String.format("Cost: about **$%.2f a month** at %s list prices: $%.2f fixed, $%.2f usage-based "
                + "(assumptions in `quest-platform:usage`).%n%n", cost.monthlyUsd(), cost.region(), cost.fixedUsd(), cost.usageUsd()));
        if (!cost.largest(LARGEST).isEmpty()) {
            out.append("| largest items | kind | resource | per month |\n|---|---|---|---:|\n");
            for (CostItem i : cost.largest(LARGEST)) {
                out.append("| ").append(i.item().replace("|", "\\|")).append(" | ").append(kind(i)).append(" | `")
                        .append(name(i.urn())).append("` | ").append(String.format("$%.2f", i.monthlyUsd())).append(" |\n");
            }
            out.append('\n');
        }
        if (!cost.standIns().isEmpty()) {
            out.append(String.format("%d items use us-east-1 prices: the price book has no %s price for them.%n%n",
                    cost.standIns().size(), cost.region()));
        }
    }

    private static String kind(CostItem i) {
        return i.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String name(String urn) {
        return urn == null ? "" : urn.substring(urn.lastIndexOf("::") + 2);
    }
}
