package io.quest.platform.plan;

import io.quest.platform.cost.CostEstimate;
import io.quest.platform.cost.CostItem;
import io.quest.platform.cost.CostKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The text and Markdown plans show each stack's fixed and usage-based totals and its five largest items. */
class CostLinesTest {

    private static Plan plan() {
        List<CostItem> items = new ArrayList<>();
        double[] prices = {1.00, 18.40, 0.00, 35.04, 3.65, 9.01, 7.30, 0.50};
        for (int i = 0; i < prices.length; i++) {
            items.add(new CostItem("item " + i, "urn:pulumi:dev::quest-platform::aws:x/y:Z::res-" + i, 1, "unit", prices[i], prices[i],
                    i == 4 ? CostKind.USAGE : CostKind.FIXED, "eu-west-1 price"));
        }
        CostEstimate cost = CostEstimate.of("eu-west-1", items);
        StackPlan dev = new StackPlan("dev", List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(), cost);
        return new Plan("quest-platform", List.of(dev));
    }

    @Test
    void the_text_plan_shows_both_totals_and_the_five_largest_items_most_expensive_first() {
        String text = TextRenderer.render(plan());
        assertThat(text).contains("  Cost: about $74.90 a month at eu-west-1 list prices: $71.25 fixed, $3.65 usage-based");
        List<String> lines = text.lines().filter(l -> l.startsWith("    $")).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("35.04").contains("fixed").contains("item 3").contains("(res-3)");
        assertThat(lines.get(4)).contains("3.65").contains("usage").contains("item 4");
        assertThat(text).doesNotContain("item 0").doesNotContain("item 2");
    }

    @Test
    void the_markdown_plan_has_a_cost_line_and_a_table_of_the_five_largest_items() {
        String md = MarkdownRenderer.render(plan());
        assertThat(md).contains("Cost: about **$74.90 a month** at eu-west-1 list prices: $71.25 fixed, $3.65 usage-based");
        assertThat(md).contains("| largest items | kind | resource | per month |\n|---|---|---|---:|\n"
                + "| item 3 | fixed | `res-3` | $35.04 |\n| item 1 | fixed | `res-1` | $18.40 |\n| item 5 | fixed | `res-5` | $9.01 |\n"
                + "| item 6 | fixed | `res-6` | $7.30 |\n| item 4 | usage | `res-4` | $3.65 |\n");
    }
}
