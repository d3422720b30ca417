package io.quest.platform.cost;

/** Prices quantities at one region's list prices and writes the line, with its basis. */
final class Pricer {

    private final PriceBook book;
    private final String region;

    Pricer(PriceBook book, String region) {
        this.book = book;
        this.region = region;
    }

    String region() {
        return region;
    }

    double usd(Price price) {
        return book.quote(region, price).usd();
    }

    /** A line billed in full. */
    CostItem item(String what, String urn, double quantity, Price price, CostKind kind, String assumption) {
        return item(what, urn, quantity, 0, price, kind, assumption);
    }

    /** A line of which {@code free} units fall in the account's free tier. */
    CostItem item(String what, String urn, double quantity, double free, Price price, CostKind kind, String assumption) {
        PriceQuote quote = book.quote(region, price);
        double billable = Math.max(0, quantity - free);
        StringBuilder basis = new StringBuilder(quote.basis());
        if (free > 0) {
            basis.append("; ").append(fmt(free)).append(' ').append(price.unit()).append(free == 1 ? "" : "s").append(" in the free tier");
        }
        if (assumption != null && !assumption.isEmpty()) {
            basis.append("; assumes ").append(assumption);
        }
        return new CostItem(what, urn, quantity, price.unit(), quote.usd(), CostEstimate.round(billable * quote.usd()), kind, basis.toString());
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format("%,d", (long) d);
        }
        return String.format("%.2f", d);
    }
}
