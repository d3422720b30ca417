package io.quest.platform.cost;

/** One line of a monthly estimate: what, how many, at what unit price. */
public record CostItem(String item, String urn, double quantity, String unit, double unitUsd, double monthlyUsd) {
}
