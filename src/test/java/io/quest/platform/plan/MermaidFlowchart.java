package io.quest.platform.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader for the part of Mermaid's flowchart syntax the plan's diagram uses. It refuses anything
 * else, and anything Mermaid would read differently from what was meant. The rules, from mermaid-js/mermaid
 * at df032c942c32f805a7f4cd1cf30a565e610bc4f1 (2026-04-28):
 * <ul>
 *   <li>{@code packages/mermaid/src/docs/syntax/flowchart.md}: a node with text is {@code id["text"]}
 *       ("Special characters that break syntax": put text in quotes; "Entity codes to escape characters":
 *       {@code #quot;}, {@code #35;} for {@code #}, numbers in base 10); a subgraph with an explicit ID is
 *       {@code subgraph id [title]} closed by {@code end}; edges may start or end at a subgraph; a link with
 *       text is {@code A-->|text|B}, a dotted one {@code A-.->B}; typing lowercase {@code end} in a node
 *       breaks the flowchart; {@code o} or {@code x} as the first letter after a link makes a circle or
 *       cross edge.</li>
 *   <li>{@code packages/mermaid/src/diagrams/flowchart/parser/flow.jison}: the lexer takes the first rule
 *       that matches, and {@code style}, {@code default}, {@code linkStyle}, {@code interpolate},
 *       {@code classDef}, {@code class}, {@code graph}, {@code flowchart}, {@code subgraph}, {@code end\b}
 *       and {@code _self}/{@code _blank}/{@code _parent}/{@code _top} come before node IDs, so an ID
 *       starting with one is split; {@code .*direction\s+(TB|BT|RL|LR|TD)[^\n]*} comes before everything
 *       else and takes a whole line; a quoted string ends at the next {@code "}; a string starting with a
 *       backtick is a Markdown string.</li>
 *   <li>{@code packages/mermaid/src/utils.ts} ({@code encodeEntities}, run on the whole text before
 *       parsing, {@code Diagram.ts}): a {@code #...;} after {@code style...:} or {@code classDef...:} on the
 *       same line is left undecoded.</li>
 *   <li>{@code packages/mermaid/src/mermaidAPI.ts}: a text longer than {@code MAX_TEXTLENGTH} (50,000) is
 *       replaced by "Maximum text size in diagram exceeded".</li>
 * </ul>
 * Node and subgraph IDs share one namespace: each must be declared once, and before an edge uses it.
 *
 * <p>Checked against Mermaid itself on 2026-12-02: mermaid 11.17.2 (npm) {@code mermaid.parse} under jsdom
 * accepted the repository's diagram (all stacks, and each per-stack file) and the synthetic one of
 * {@link MermaidDiagramTest}, finding the same nodes, edges and subgraphs (labels still entity-encoded; the
 * hostile label intact); it drew the old diagram's two {@code dev_dev} nodes as one, and a node whose label
 * held {@code direction TB} vanished, as this reader predicts.
 */
record MermaidFlowchart(String direction, Map<String, Node> nodes, List<Edge> edges) {

    /** A node or subgraph: its label decoded ({@code <br/>} as a line break), and the subgraph it sits in. */
    record Node(String id, String label, String subgraph, boolean isSubgraph) {
    }

    /** An edge: {@code -->} or {@code -.->}, with its text or null. */
    record Edge(String from, String arrow, String text, String to) {
    }

    static final int MAX_TEXT_LENGTH = 50_000;

    private static final String ID = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String LABEL = "\\[\"([^\"]*)\"\\]";
    private static final Pattern HEADER = Pattern.compile("flowchart (LR|RL|TB|TD|BT)");
    private static final Pattern SUBGRAPH = Pattern.compile("subgraph (" + ID + ")" + LABEL);
    private static final Pattern NODE = Pattern.compile("(" + ID + ")" + LABEL);
    private static final Pattern EDGE = Pattern.compile("(" + ID + ") (-->|-\\.->)(?:\\|([A-Za-z0-9 ]+)\\|)? (" + ID + ")");
    private static final Pattern DIRECTION = Pattern.compile(".*direction\\s+(TB|BT|RL|LR|TD).*");
    private static final Pattern UNDECODED = Pattern.compile(".*(style|classDef).*:\\S*#.*;.*");
    private static final Pattern ENTITY = Pattern.compile("#([0-9]+);");
    private static final List<String> KEYWORD_PREFIXES = List.of("style", "default", "linkStyle", "interpolate",
            "classDef", "class", "graph", "flowchart", "subgraph", "_self", "_blank", "_parent", "_top");

    /** The text of the one {@code ```mermaid} block of a Markdown document. */
    static String block(String markdown) {
        int start = markdown.indexOf("```mermaid\n");
        if (start < 0 || markdown.indexOf("```mermaid\n", start + 1) >= 0) {
            throw new AssertionError("expected exactly one ```mermaid block");
        }
        int end = markdown.indexOf("\n```\n", start);
        if (end < 0) {
            throw new AssertionError("the ```mermaid block is not closed");
        }
        return markdown.substring(start + "```mermaid\n".length(), end + 1);
    }

    /** Reads a flowchart, or fails naming the line and what is wrong with it. */
    static MermaidFlowchart parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new AssertionError("the diagram has " + text.length() + " characters; Mermaid draws none past " + MAX_TEXT_LENGTH);
        }
        String[] lines = text.split("\n", -1);
        if (!lines[lines.length - 1].isEmpty()) {
            throw new AssertionError("the diagram does not end with a line break");
        }
        Matcher header = HEADER.matcher(lines[0]);
        if (!header.matches()) {
            throw new AssertionError("line 1: expected 'flowchart <direction>', got: " + lines[0]);
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String where = "line " + (i + 1) + " (" + lines[i] + "): ";
            String line = lines[i].strip();
            if (DIRECTION.matcher(line).matches()) {
                throw new AssertionError(where + "Mermaid's lexer reads the whole line as a direction statement");
            }
            if (UNDECODED.matcher(line).matches()) {
                throw new AssertionError(where + "Mermaid leaves entity codes after style...: or classDef...: undecoded");
            }
            Matcher m;
            if ((m = SUBGRAPH.matcher(line)).matches()) {
                declare(nodes, new Node(id(m.group(1), where), decode(m.group(2), where), open.peek(), true), where);
                open.push(m.group(1));
            } else if (line.equals("end")) {
                if (open.isEmpty()) {
                    throw new AssertionError(where + "'end' without an open subgraph");
                }
                open.pop();
            } else if ((m = NODE.matcher(line)).matches()) {
                declare(nodes, new Node(id(m.group(1), where), decode(m.group(2), where), open.peek(), false), where);
            } else if ((m = EDGE.matcher(line)).matches()) {
                for (String end : List.of(m.group(1), m.group(4))) {
                    if (!nodes.containsKey(id(end, where))) {
                        throw new AssertionError(where + "edge end " + end + " is not declared before the edge");
                    }
                }
                edges.add(new Edge(m.group(1), m.group(2), m.group(3), m.group(4)));
            } else {
                throw new AssertionError(where + "not a statement of the subset (subgraph, end, node, edge)");
            }
        }
        if (!open.isEmpty()) {
            throw new AssertionError("subgraph " + open.peek() + " is never closed with 'end'");
        }
        return new MermaidFlowchart(header.group(1), nodes, edges);
    }

    /** The nodes that are not subgraphs, in the order they are declared. */
    List<Node> plainNodes() {
        return nodes.values().stream().filter(n -> !n.isSubgraph()).toList();
    }

    /** The ID of the one node or subgraph with this decoded label. */
    String idOf(String label) {
        List<String> ids = nodes.values().stream().filter(n -> n.label().equals(label)).map(Node::id).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one node labelled '" + label + "', found " + ids);
        }
        return ids.get(0);
    }

    private static void declare(Map<String, Node> nodes, Node node, String where) {
        if (nodes.putIfAbsent(node.id(), node) != null) {
            throw new AssertionError(where + "ID " + node.id() + " is declared twice");
        }
    }

    private static String id(String id, String where) {
        if (id.equals("end") || Character.isDigit(id.charAt(0)) || id.charAt(0) == 'o' || id.charAt(0) == 'x'
                || KEYWORD_PREFIXES.stream().anyMatch(id::startsWith)) {
            throw new AssertionError(where + "ID " + id + " starts with a word Mermaid's lexer reads first");
        }
        return id;
    }

    /**
     * The label as Mermaid shows it: numeric entity codes decoded, {@code <br/>} as a line break. Markup
     * ({@code < > &}) would be drawn as HTML rather than shown, and a backtick would close the Markdown code
     * fence, so they must arrive as entity codes; so must every {@code #} that is not one.
     */
    private static String decode(String raw, String where) {
        String text = raw.replace("<br/>", "\n");
        if (text.matches("(?s).*[<>&`\\p{Cntrl}&&[^\n]].*")) {
            throw new AssertionError(where + "label has markup, a backtick or a control character not written as an entity code: " + raw);
        }
        if (text.replaceAll("#[0-9]+;", "").contains("#")) {
            throw new AssertionError(where + "label has a '#' that does not start an entity code: " + raw);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = ENTITY.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(text, at, m.start()).appendCodePoint(Integer.parseInt(m.group(1)));
            at = m.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
