package io.quest.platform.cost;

import java.util.Objects;

/**
 * One line of a monthly estimate: what, how many, at what unit price, and on what basis.
 *
 * @param item       what is priced, in words
 * @param urn        the resource it belongs to
 * @param quantity   how many units a month (including any the free tier covers)
 * @param unit       what one unit is
 * @param unitUsd    the list price of one unit
 * @param monthlyUsd what the month costs after the free tier, rounded to cents
 * @param kind       fixed or usage-based
 * @param basis      where the price came from and which assumption or free tier applied
 */
public record CostItem(String item, String urn, double quantity, String unit, double unitUsd, double monthlyUsd,
                       CostKind kind, String basis) {

    public CostItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(kind, "kind");
        basis = basis == null ? "" : basis;
    }
}
