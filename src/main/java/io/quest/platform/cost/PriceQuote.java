package io.quest.platform.cost;

/**
 * The price the estimate uses for one item in one region, and where it came from.
 *
 * @param price     which price
 * @param usd       US dollars per {@link Price#unit()}
 * @param wanted    the region the stack deploys into
 * @param row       the table row the price was taken from
 */
public record PriceQuote(Price price, double usd, String wanted, PriceRow row) {

    /** Whether the table had no price for the wanted region and the us-east-1 price stands in for it. */
    public boolean fallback() {
        return !row.region().equals(wanted) && !row.region().equals(PriceBook.ALL_REGIONS);
    }

    /** Where the price came from, in a few words: the region it is for, its source and date. */
    public String basis() {
        String region = row.region().equals(PriceBook.ALL_REGIONS) ? "every region" : row.region();
        return (fallback() ? "no " + wanted + " price in the book; " : "") + region + " price, " + row.source() + " (" + row.readOn() + ")";
    }
}
