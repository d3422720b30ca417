package io.quest.platform.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * On-demand list prices in US dollars, per region, each with its source and the date it was read: the
 * checked-in table {@code src/main/resources/prices/aws-prices.csv}, which {@code scripts/regenerate-prices.py}
 * rebuilds from AWS's public Price List files on a machine with internet access. Builds use the table only.
 */
public final class PriceBook {

    /** Hours in an average month, as AWS's pricing calculator counts them. */
    public static final double HOURS_PER_MONTH = 730;
    /** The region whose price stands in when the table has none for a stack's region. */
    public static final String FALLBACK_REGION = "us-east-1";
    /** A row that applies in every region: AWS publishes the price as the same everywhere. */
    public static final String ALL_REGIONS = "*";
    /** The regions the table covers, a row per price each (a row may say the price was not found). */
    public static final Set<String> REGIONS = Set.of(
            "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-west-2", "ap-southeast-2");

    static final String RESOURCE = "/prices/aws-prices.csv";
    static final List<String> HEADER = List.of("region", "price", "usd", "source", "read_on", "note");

    private static final PriceBook DEFAULT = load();

    private final List<PriceRow> rows;
    private final Map<String, PriceRow> byRegionAndPrice = new LinkedHashMap<>();

    PriceBook(List<PriceRow> rows) {
        this.rows = List.copyOf(rows);
        for (PriceRow row : rows) {
            if (byRegionAndPrice.put(row.region() + "|" + row.price().key(), row) != null) {
                throw new IllegalStateException("price table has two rows for " + row.price().key() + " in " + row.region());
            }
        }
    }

    /** The checked-in table. */
    public static PriceBook standard() {
        return DEFAULT;
    }

    public List<PriceRow> rows() {
        return Collections.unmodifiableList(rows);
    }

    public Optional<PriceRow> row(String region, Price price) {
        return Optional.ofNullable(byRegionAndPrice.get(region + "|" + price.key()));
    }

    /**
     * The price for a region: its own row when it has a price, else the every-region row, else us-east-1's,
     * else the first region's that has one (the quote then says it is a stand-in).
     */
    public PriceQuote quote(String region, Price price) {
        for (String candidate : List.of(region, ALL_REGIONS, FALLBACK_REGION)) {
            Optional<PriceRow> row = row(candidate, price).filter(PriceRow::found);
            if (row.isPresent()) {
                return new PriceQuote(price, row.get().usd().getAsDouble(), region, row.get());
            }
        }
        return rows.stream().filter(r -> r.price() == price && r.found()).findFirst()
                .map(r -> new PriceQuote(price, r.usd().getAsDouble(), region, r))
                .orElseThrow(() -> new IllegalStateException("price table has no price at all for " + price.key()));
    }

    static PriceBook load() {
        try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("price table " + RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the table: a header row, then one row per price and region; {@code #} lines are comments. */
    static PriceBook parse(String csv) {
        List<PriceRow> rows = new ArrayList<>();
        boolean header = true;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(csv))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Csv.split(line);
                if (header) {
                    if (!cells.equals(HEADER)) {
                        throw new IllegalStateException("price table header is " + cells + "; expected " + HEADER);
                    }
                    header = false;
                    continue;
                }
                if (cells.size() != HEADER.size()) {
                    throw new IllegalStateException("price table line " + lineNumber + " has " + cells.size() + " cells; expected " + HEADER.size());
                }
                final int at = lineNumber;
                Price price = Price.byKey(cells.get(1))
                        .orElseThrow(() -> new IllegalStateException("price table line " + at + ": unknown price " + cells.get(1)));
                OptionalDouble usd = cells.get(2).isBlank() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cells.get(2)));
                rows.add(new PriceRow(cells.get(0), price, usd, cells.get(3), cells.get(4), cells.get(5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PriceBook(rows);
    }
}
