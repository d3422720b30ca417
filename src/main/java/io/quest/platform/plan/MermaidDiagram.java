package io.quest.platform.plan;

import io.quest.platform.planned.PlannedResource;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Mermaid flowchart of a plan: a subgraph per stack, a node per component resource, a solid edge from
 * each component to the components it parents, and a dotted edge labelled {@code reads} from each stack to
 * every stack it reads through a stack reference.
 *
 * <p>The text keeps to the flowchart syntax Mermaid documents and its parser accepts (mermaid-js/mermaid at
 * df032c942c32f805a7f4cd1cf30a565e610bc4f1: {@code packages/mermaid/src/docs/syntax/flowchart.md},
 * {@code packages/mermaid/src/diagrams/flowchart/parser/flow.jison}, {@code packages/mermaid/src/utils.ts}):
 * <ul>
 *   <li>IDs are letters, digits and {@code _} only and start with {@code c__}, {@code s__} or {@code r__}.
 *       The lexer takes the first rule that matches, so an ID starting with a keyword ({@code end},
 *       {@code style}, {@code class}, {@code default}, {@code graph}, {@code subgraph}) or a digit would be
 *       split; one starting with {@code o} or {@code x} after a link turns the arrow into a circle or cross
 *       edge. Each ID is an injective encoding of the resource's URN (or the stack's name), so it is unique
 *       and the same in every plan that contains the resource.</li>
 *   <li>Labels are always quoted ({@code id["..."]}); any character but ASCII letters, digits, space and
 *       {@code - _ . : /} is written as an entity code {@code #<decimal>;}, so a quote, {@code #}, markup,
 *       a backtick (which would start a Markdown string or close the code fence), {@code |}, {@code ;},
 *       {@code %} and line breaks cannot reach the parser. The lexer's {@code .*direction\s+TB} rule would
 *       swallow a whole line, so the space after {@code direction} is an entity too; and on a line that
 *       contains {@code style} or {@code classDef}, colons are entities, because {@code encodeEntities}
 *       leaves {@code #...;} codes after {@code style...:} undecoded.</li>
 * </ul>
 * The root {@code pulumi:pulumi:Stack} resource is the stack's subgraph, not a node. A component whose
 * parent is a custom resource is drawn under its nearest component ancestor. A reference to a stack that is
 * not part of the plan (a per-stack file, another project) is drawn as a node of its own.
 */
public final class MermaidDiagram {

    private static final String URN_PREFIX = "urn:pulumi:";

    private MermaidDiagram() {
    }

    /** The {@code flowchart LR} text, one statement a line, without the Markdown code fence. */
    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, PlannedResource> byUrn = new HashMap<>();
        plan.stacks().forEach(s -> s.resources().forEach(r -> byUrn.put(r.urn(), r)));

        for (StackPlan s : plan.stacks()) {
            out.append("  subgraph ").append(labelled(stackId(s.stack()), label("stack " + s.stack()))).append('\n');
            for (PlannedResource r : s.resources()) {
                if (r.isComponent()) {
                    out.append("    ").append(labelled(componentId(r.urn()), label(typeLabel(r.type())) + "<br/>" + label(r.name()))).append('\n');
                }
            }
            out.append("  end\n");
        }
        Set<String> outside = new LinkedHashSet<>();
        for (StackPlan s : plan.stacks()) {
            for (String ref : s.references()) {
                if (localStack(plan, ref) == null && outside.add(ref)) {
                    out.append("  ").append(labelled(referenceId(ref), label("stack " + ref))).append('\n');
                }
            }
        }
        for (StackPlan s : plan.stacks()) {
            for (PlannedResource r : s.resources()) {
                String parent = r.isComponent() ? componentAncestor(r, byUrn) : null;
                if (parent != null) {
                    out.append("  ").append(componentId(parent)).append(" --> ").append(componentId(r.urn())).append('\n');
                }
            }
        }
        for (StackPlan s : plan.stacks()) {
            for (String ref : s.references()) {
                String local = localStack(plan, ref);
                out.append("  ").append(stackId(s.stack())).append(" -.->|reads| ")
                        .append(local != null ? stackId(local) : referenceId(ref)).append('\n');
            }
        }
        return out.toString();
    }

    /** The node ID of a component: {@code c__<stack>__<qualified type>__<name>} from its URN, each part encoded. */
    static String componentId(String urn) {
        if (urn.startsWith(URN_PREFIX)) {
            // urn:pulumi:<stack>::<project>::<qualified type>::<name>; one plan is one project
            String[] parts = urn.substring(URN_PREFIX.length()).split("::", 4);
            if (parts.length == 4) {
                return "c__" + encode(parts[0]) + "__" + encode(parts[2]) + "__" + encode(parts[3]);
            }
        }
        return "c__" + encode(urn);
    }

    /** The subgraph ID of a stack of the plan. */
    static String stackId(String stack) {
        return "s__" + encode(stack);
    }

    /** The node ID of a referenced stack outside the plan, from its fully qualified name. */
    static String referenceId(String reference) {
        return "r__" + encode(reference);
    }

    /**
     * Letters and digits as they are, every other character as {@code _} and two hex digits (or {@code _u}
     * and six for a code point above 0xFF). Decodable, so distinct texts get distinct IDs; never contains
     * {@code __} and never ends in {@code _}, so parts joined with {@code __} stay distinct too.
     */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xFF) {
                out.append(String.format("_%02x", cp));
            } else {
                out.append(String.format("_u%06x", cp));
            }
        });
        return out.toString();
    }

    /** Text for inside a quoted label: characters Mermaid could read as syntax written as entity codes. */
    static String label(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 128 && (Character.isLetterOrDigit(cp) || " -_.:/".indexOf(cp) >= 0)) {
                out.appendCodePoint(cp);
            } else {
                out.append('#').append(cp).append(';');
            }
        });
        return out.toString().replace("direction ", "direction#32;");
    }

    /** {@code id["text"]}; colons as entity codes when the ID or text holds {@code style} or {@code classDef}. */
    private static String labelled(String id, String text) {
        String node = id + "[\"" + text + "\"]";
        return node.contains("style") || node.contains("classDef") ? node.replace(":", "#58;") : node;
    }

    private static String typeLabel(String type) {
        return type.startsWith("quest:") ? type.substring("quest:".length()) : type;
    }

    /** The URN of the nearest ancestor that is a component of the plan, or null for a top-level component. */
    private static String componentAncestor(PlannedResource resource, Map<String, PlannedResource> byUrn) {
        Set<String> seen = new LinkedHashSet<>();
        PlannedResource parent = resource.parent() == null ? null : byUrn.get(resource.parent());
        while (parent != null && seen.add(parent.urn())) {
            if (parent.isComponent()) {
                return parent.urn();
            }
            parent = parent.parent() == null ? null : byUrn.get(parent.parent());
        }
        return null;
    }

    /** The plan's stack a fully qualified reference ({@code org/project/stack}) names, or null. */
    private static String localStack(Plan plan, String reference) {
        String[] parts = reference.split("/");
        if (parts.length != 3 || !parts[1].equals(plan.project())) {
            return null;
        }
        return plan.stacks().stream().map(StackPlan::stack).filter(parts[2]::equals).findFirst().orElse(null);
    }
}
