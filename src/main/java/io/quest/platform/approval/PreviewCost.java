package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.cost.CostChange;
import io.quest.platform.cost.CostModel;
import io.quest.platform.cost.PriceBook;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A preview's monthly cost change: the fixed cost of the resources it leaves in place, priced as they are
 * today and as they will be, at the list prices of the region its AWS provider names (else us-east-1, said so).
 */
final class PreviewCost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreviewCost() {
    }

    static CostChange of(Preview preview) {
        List<PlannedResource> before = new ArrayList<>();
        List<PlannedResource> after = new ArrayList<>();
        for (ResourceChange c : preview.changes()) {
            if (c.operation() != Operation.CREATE && c.oldInputs().isObject()) {
                before.add(resource(c, c.oldInputs()));
            }
            if (c.operation() != Operation.DELETE && c.newInputs().isObject()) {
                after.add(resource(c, c.newInputs()));
            }
        }
        return CostModel.change(before, after, region(preview));
    }

    /** The line a report shows. */
    static String line(Preview preview) {
        CostChange change = of(preview);
        String known = preview.changes().stream().anyMatch(PreviewCost::isAwsProvider) ? "" : " (no AWS provider in the preview: region assumed)";
        return "monthly cost change: " + change.summary() + known;
    }

    private static String region(Preview preview) {
        for (ResourceChange c : preview.changes()) {
            if (isAwsProvider(c)) {
                for (JsonNode inputs : List.of(c.newInputs(), c.oldInputs())) {
                    if (inputs.hasNonNull("region")) {
                        return inputs.get("region").asText();
                    }
                }
            }
        }
        return PriceBook.FALLBACK_REGION;
    }

    private static boolean isAwsProvider(ResourceChange c) {
        return c.type().equals("pulumi:providers:aws");
    }

    @SuppressWarnings("unchecked")
    private static PlannedResource resource(ResourceChange c, JsonNode inputs) {
        Map<String, Object> values = JSON.convertValue(inputs, Map.class);
        return new PlannedResource(c.urn().value(), null, c.type(), c.name(), true, null, null, List.of(), c.protect(), false,
                values, List.of());
    }
}
