package io.quest.platform.cost;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of the price table: a price in a region (or {@code *}, a price AWS publishes as the same in every
 * region), where it was read and when. An empty {@code usd} says the regional price was looked for and not
 * found; the estimate then falls back to us-east-1 and says so.
 *
 * @param region  an AWS region code, or {@code *}
 * @param price   which price
 * @param usd     US dollars per {@link Price#unit()}; empty when not found
 * @param source  where the price was read (a URL, or the Price List file it came from)
 * @param readOn  the date it was read, ISO-8601
 * @param note    anything a reader must know about the row (how the price was derived, what is missing)
 */
public record PriceRow(String region, Price price, OptionalDouble usd, String source, String readOn, String note) {

    public PriceRow {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(usd, "usd");
        source = source == null ? "" : source;
        readOn = readOn == null ? "" : readOn;
        note = note == null ? "" : note;
    }

    public boolean found() {
        return usd.isPresent();
    }
}
