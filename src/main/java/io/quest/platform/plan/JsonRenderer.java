package io.quest.platform.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quest.platform.cost.CostItem;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.policy.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan JSON contract (DESIGN.md): keys are only ever added, never renamed. */
public final class JsonRenderer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonRenderer() {
    }

    public static String render(Plan plan) {
        try {
            return JSON.writeValueAsString(toMap(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> toMap(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", plan.project());
        root.put("stacks", plan.stacks().stream().map(JsonRenderer::stack).toList());
        return root;
    }

    private static Map<String, Object> stack(StackPlan s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stack", s.stack());
        m.put("references", s.references());
        m.put("resources", s.resources().stream().map(JsonRenderer::resource).toList());
        m.put("outputs", s.outputs());
        m.put("findings", s.findings().stream().map(JsonRenderer::finding).toList());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("monthlyUsd", s.cost() == null ? 0.0 : s.cost().monthlyUsd());
        cost.put("fixedUsd", s.cost() == null ? 0.0 : s.cost().fixedUsd());
        cost.put("usageUsd", s.cost() == null ? 0.0 : s.cost().usageUsd());
        cost.put("region", s.cost() == null ? null : s.cost().region());
        cost.put("items", s.cost() == null ? List.of() : s.cost().items().stream().map(JsonRenderer::costItem).toList());
        m.put("cost", cost);
        return m;
    }

    private static Map<String, Object> resource(PlannedResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("urn", r.urn());
        m.put("type", r.type());
        m.put("name", r.name());
        m.put("custom", r.custom());
        m.put("parent", r.parent());
        m.put("provider", r.provider());
        m.put("dependencies", r.dependencies());
        m.put("protect", r.protect());
        m.put("retainOnDelete", r.retainOnDelete());
        m.put("ignoreChanges", r.ignoreChanges());
        if (!r.aliases().isEmpty()) {
            // Only on a resource that has moved: the URNs of its earlier places, which keep its state.
            m.put("aliases", r.aliases());
        }
        m.put("inputs", r.inputs());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().name());
        m.put("urn", f.urn());
        m.put("message", f.message());
        return m;
    }

    private static Map<String, Object> costItem(CostItem c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", c.item());
        m.put("urn", c.urn());
        m.put("quantity", c.quantity());
        m.put("unit", c.unit());
        m.put("unitUsd", c.unitUsd());
        m.put("monthlyUsd", c.monthlyUsd());
        m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("basis", c.basis());
        return m;
    }
}
