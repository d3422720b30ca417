package io.quest.platform.plan;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.policy.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tree per stack, like {@code pulumi preview}: every resource under the component that owns it. */
public final class TextRenderer {

    private TextRenderer() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (StackPlan s : plan.stacks()) {
            out.append("Stack ").append(s.stack());
            if (!s.references().isEmpty()) {
                out.append("  (reads ").append(String.join(", ", s.references())).append(")");
            }
            out.append('\n');
            Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
            for (PlannedResource r : s.resources()) {
                children.computeIfAbsent(r.parent() == null ? "" : r.parent(), k -> new ArrayList<>()).add(r);
            }
            List<PlannedResource> roots = new ArrayList<>();
            for (PlannedResource r : s.resources()) {
                if (r.parent() == null || s.resources().stream().noneMatch(p -> p.urn().equals(r.parent()))) {
                    roots.add(r);
                }
            }
            for (PlannedResource r : roots) {
                tree(out, r, children, "  ");
            }
            long custom = s.resources().stream().filter(PlannedResource::custom).count();
            out.append(String.format("  %d resources to create (%d components, %d cloud resources)",
                    s.resources().size(), s.resources().size() - custom, custom));
            out.append('\n');
            CostLines.text(out, s.cost());
            for (Finding f : s.findings()) {
                out.append("  ! ").append(f.severity()).append(' ').append(f.rule()).append(": ").append(f.message()).append('\n');
            }
            if (!s.outputs().isEmpty()) {
                out.append("  Outputs:\n");
                s.outputs().forEach((k, v) -> out.append("    ").append(k).append(": ").append(v).append('\n'));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void tree(StringBuilder out, PlannedResource r, Map<String, List<PlannedResource>> children, String indent) {
        out.append(indent).append("+ ").append(r.type()).append("  ").append(r.name());
        if (r.protect()) {
            out.append("  [protect]");
        }
        if (r.retainOnDelete()) {
            out.append("  [retainOnDelete]");
        }
        out.append('\n');
        for (PlannedResource c : children.getOrDefault(r.urn(), List.of())) {
            tree(out, c, children, indent + "    ");
        }
    }
}
