package io.quest.platform.cost;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checked-in price table: complete for every region the platform prices, every price sourced and dated. */
class PriceBookTest {

    private final PriceBook book = PriceBook.standard();

    @Test
    void every_region_has_a_row_for_every_price_and_none_twice() {
        for (String region : PriceBook.REGIONS) {
            for (Price price : Price.values()) {
                assertThat(book.row(region, price)).as(region + " " + price.key()).isPresent();
            }
        }
        assertThat(book.rows()).hasSize(PriceBook.REGIONS.size() * Price.values().length);
    }

    @Test
    void every_price_in_the_table_names_its_source_and_the_date_it_was_read() {
        assertThat(book.rows()).filteredOn(PriceRow::found).isNotEmpty().allSatisfy(row -> {
            assertThat(row.source()).as(row.region() + " " + row.price().key()).isNotBlank();
            assertThat(row.readOn()).as(row.region() + " " + row.price().key()).matches("\\d{4}-\\d{2}(-\\d{2})?");
            assertThat(row.usd().getAsDouble()).isPositive();
        });
        assertThat(book.rows()).filteredOn(r -> !r.found()).allSatisfy(row ->
                assertThat(row.note()).as(row.region() + " " + row.price().key()).startsWith("not found"));
    }

    @Test
    void every_price_has_a_us_east_1_price_or_another_region_to_stand_in() {
        for (Price price : Price.values()) {
            assertThat(book.quote("eu-central-1", price).usd()).as(price.key()).isPositive();
        }
    }

    @Test
    void eu_west_1_nat_gateway_prices_are_the_price_list_rows() {
        PriceQuote hour = book.quote("eu-west-1", Price.NAT_GATEWAY_HOUR);
        assertThat(hour.usd()).isEqualTo(0.048);
        assertThat(hour.fallback()).isFalse();
        assertThat(hour.row().source()).isEqualTo(
                "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260925174521/eu-west-1/index.json");
        assertThat(hour.row().note()).contains("EU-NatGateway-Hours");
        assertThat(book.quote("eu-west-1", Price.NAT_GATEWAY_GB).row().note()).contains("EU-NatGateway-Bytes");
        assertThat(book.quote("us-east-1", Price.NAT_GATEWAY_HOUR).usd()).isEqualTo(0.045);
    }

    @Test
    void eu_west_1_load_balancer_hour_is_its_own_not_us_east_1s() {
        assertThat(book.quote("eu-west-1", Price.ALB_HOUR).usd()).isEqualTo(0.0252);
        assertThat(book.quote("us-east-1", Price.ALB_HOUR).usd()).isEqualTo(0.0225);
    }

    @Test
    void a_region_without_a_price_falls_back_to_us_east_1_and_says_so() {
        assertThat(book.row("eu-central-1", Price.ALB_HOUR)).get().satisfies(r -> assertThat(r.found()).isFalse());
        PriceQuote quote = book.quote("eu-central-1", Price.ALB_HOUR);
        assertThat(quote.fallback()).isTrue();
        assertThat(quote.usd()).isEqualTo(0.0225);
        assertThat(quote.basis()).startsWith("no eu-central-1 price in the book; us-east-1 price, ");
    }

    @Test
    void a_price_only_another_region_has_stands_in_and_names_its_region() {
        PriceQuote quote = book.quote("eu-west-1", Price.SECURITY_HUB_CHECK);
        assertThat(quote.fallback()).isTrue();
        assertThat(quote.row().region()).isEqualTo("us-east-2");
        assertThat(quote.basis()).contains("us-east-2 price");
    }

    @Test
    void the_table_parser_rejects_an_unknown_price_a_wrong_header_and_a_short_row() {
        String header = String.join(",", PriceBook.HEADER) + "\n";
        assertThatThrownBy(() -> PriceBook.parse(header + "eu-west-1,nat-gateway-week,1,src,2026-12-02,\n"))
                .hasMessageContaining("line 2: unknown price nat-gateway-week");
        assertThatThrownBy(() -> PriceBook.parse("region,price,usd\n")).hasMessageContaining("header");
        assertThatThrownBy(() -> PriceBook.parse(header + "eu-west-1,alb-hour,0.0252\n")).hasMessageContaining("has 3 cells");
        assertThatThrownBy(() -> PriceBook.parse(header + "eu-west-1,alb-hour,1,a,b,\neu-west-1,alb-hour,2,a,b,\n"))
                .hasMessageContaining("two rows for alb-hour in eu-west-1");
    }

    @Test
    void quoted_cells_keep_their_commas() {
        PriceBook parsed = PriceBook.parse(String.join(",", PriceBook.HEADER) + "\n"
                + "eu-west-1,alb-hour,0.0252,https://example.com/a,2026-12-02,\"a note, with a comma and \"\"quotes\"\"\"\n");
        assertThat(parsed.row("eu-west-1", Price.ALB_HOUR)).get().extracting(PriceRow::note)
                .isEqualTo("a note, with a comma and \"quotes\"");
    }

    @Test
    void every_price_key_is_unique() {
        assertThat(Arrays.stream(Price.values()).map(Price::key).distinct().count()).isEqualTo(Price.values().length);
    }
}
