package io.quest.platform.plan;

import io.quest.platform.policy.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A table of resources per stack and a Mermaid diagram of the components and stack references. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder("# Plan of " + plan.project() + "\n\n");
        out.append("```mermaid\n").append(MermaidDiagram.render(plan));
        out.append("```\n\n");

        for (StackPlan s : plan.stacks()) {
            out.append("## Stack `").append(s.stack()).append("`\n\n");
            if (!s.references().isEmpty()) {
                out.append("Reads: ").append(String.join(", ", s.references().stream().map(r -> "`" + r + "`").toList())).append("\n\n");
            }
            Map<String, Integer> byType = new TreeMap<>();
            s.resources().forEach(r -> byType.merge(r.type(), 1, Integer::sum));
            out.append("| type | count |\n|---|---:|\n");
            byType.forEach((t, n) -> out.append("| `").append(t).append("` | ").append(n).append(" |\n"));
            out.append("| **total** | **").append(s.resources().size()).append("** |\n\n");
            CostLines.markdown(out, s.cost());
            if (!s.findings().isEmpty()) {
                out.append("| severity | rule | finding |\n|---|---|---|\n");
                for (Finding f : s.findings()) {
                    out.append("| ").append(f.severity()).append(" | ").append(f.rule()).append(" | ")
                            .append(f.message().replace("|", "\\|")).append(" |\n");
                }
                out.append('\n');
            }
            Map<String, Object> outputs = new LinkedHashMap<>(s.outputs());
            if (!outputs.isEmpty()) {
                out.append("<details><summary>Outputs</summary>\n\n| output | value |\n|---|---|\n");
                outputs.forEach((k, v) -> out.append("| `").append(k).append("` | `").append(v).append("` |\n"));
                out.append("\n</details>\n\n");
            }
        }
        return out.toString();
    }

}
