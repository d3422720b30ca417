package io.quest.platform.plan;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Mermaid diagram of {@code plan --format markdown}, read back with {@link MermaidFlowchart} (which cites
 * the Mermaid syntax rules it enforces): one node per component, parent and stack-reference edges, nothing
 * Mermaid would misread.
 */
class MermaidDiagramTest {

    private static final String PROJECT = "quest-platform";

    // --- the repository's own stacks ---

    @Test
    void every_component_of_the_repository_plan_is_one_node_in_its_stack_with_its_parent_and_reference_edges() {
        Plan plan = PlanFixture.repository();
        MermaidFlowchart diagram = MermaidFlowchart.parse(MermaidFlowchart.block(MarkdownRenderer.render(plan)));

        assertDiagramOf(plan, diagram);
        // today's stacks: dev and prod each have a Network, a Cluster and an IamLockdown all named after the stack
        assertThat(components(plan.stack("dev"))).filteredOn(r -> r.name().equals("dev")).hasSize(3);
        String devStack = diagram.idOf("stack dev");
        assertThat(diagram.plainNodes()).filteredOn(n -> n.subgraph().equals(devStack) && n.label().endsWith("\ndev")).hasSize(3);
        assertThat(diagram.edges()).filteredOn(e -> e.arrow().equals("-.->")).extracting(e -> diagram.nodes().get(e.from()).label()
                + " reads " + diagram.nodes().get(e.to()).label())
                .containsExactlyInAnyOrder("stack dev reads stack shared", "stack prod reads stack dev", "stack prod reads stack shared",
                        "stack dev-data reads stack dev", "stack dev-data reads stack shared", "stack prod-data reads stack prod",
                        "stack prod-data reads stack shared");
    }

    @Test
    void a_stack_file_of_its_own_draws_the_stacks_it_reads_as_nodes_outside_the_plan() {
        Plan plan = PlanFixture.repository();
        StackPlan prod = plan.stack("prod");
        MermaidFlowchart diagram = MermaidFlowchart.parse(MermaidFlowchart.block(PlanFormat.markdown.render(plan, prod)));

        assertDiagramOf(new Plan(plan.project(), List.of(prod)), diagram);
        String self = diagram.idOf("stack prod");
        // The stacks it reads are the dotted edges out of the stack (solid edges join a component to one nested in it).
        assertThat(diagram.edges()).filteredOn(e -> e.from().equals(self))
                .extracting(e -> e.from() + " " + e.arrow() + " " + diagram.nodes().get(e.to()).label())
                .containsExactlyInAnyOrder(self + " -.-> stack organization/quest-platform/dev", self + " -.-> stack organization/quest-platform/shared");
        assertThat(diagram.edges()).filteredOn(e -> e.arrow().equals("-.->")).hasSize(2);
    }

    @Test
    void node_ids_are_stable_whatever_else_the_plan_holds() {
        Plan plan = PlanFixture.repository();
        StackPlan dev = plan.stack("dev");
        List<PlannedResource> more = new ArrayList<>(dev.resources());
        more.add(0, component("dev", null, "quest:network:Network", "dev-extra"));
        Plan grown = new Plan(plan.project(), plan.stacks().stream().map(s -> s == dev ? withResources(dev, more) : s).toList());

        Map<String, MermaidFlowchart.Node> full = MermaidFlowchart.parse(MermaidDiagram.render(plan)).nodes();
        Map<String, MermaidFlowchart.Node> alone = MermaidFlowchart.parse(MermaidDiagram.render(new Plan(plan.project(), List.of(dev)))).nodes();
        Map<String, MermaidFlowchart.Node> withExtra = MermaidFlowchart.parse(MermaidDiagram.render(grown)).nodes();

        String devStack = MermaidFlowchart.parse(MermaidDiagram.render(plan)).idOf("stack dev");
        List<String> devNodes = full.values().stream().filter(n -> !n.isSubgraph() && devStack.equals(n.subgraph()))
                .map(MermaidFlowchart.Node::id).toList();
        assertThat(devNodes).hasSize(components(dev).size()).isNotEmpty();
        assertThat(alone.keySet()).containsAll(devNodes);
        assertThat(withExtra.keySet()).containsAll(full.keySet()).hasSize(full.size() + 1);
    }

    // --- a synthetic plan with every collision and character the old diagram mangled ---

    @Test
    void components_sharing_a_name_a_type_or_a_sanitised_stack_name_each_get_a_node() {
        List<PlannedResource> dev = new ArrayList<>();
        PlannedResource network = component("dev", null, "quest:network:Network", "dev");
        PlannedResource cluster = component("dev", null, "quest:service:Cluster", "dev");
        dev.add(network);
        dev.add(cluster);
        dev.add(component("dev", null, "quest:identity:IamLockdown", "dev"));
        PlannedResource widgetOfNetwork = component("dev", network, "acme:kit:Widget", "w");
        PlannedResource widgetOfCluster = component("dev", cluster, "acme:kit:Widget", "w");
        dev.add(widgetOfNetwork);
        dev.add(widgetOfCluster);
        PlannedResource bucket = custom("dev", cluster, "aws:s3/bucketV2:BucketV2", "logs");
        dev.add(bucket);
        PlannedResource hostile = component("dev", bucket, "acme:style:Thing",
                "say \"end\" <b>#1</b> | x; %% `code` direction TB a:b#c {d} [e] (f) &amp; \u00e9\u2603\ttab");
        dev.add(hostile);
        Plan plan = new Plan(PROJECT, List.of(
                stack("dev", List.of(), dev),
                stack("a-b", List.of(), List.of(component("a-b", null, "quest:network:Network", "x"))),
                stack("a_b", List.of(), List.of(component("a_b", null, "quest:network:Network", "x"))),
                stack("end", List.of("organization/quest-platform/dev", "other-org/other-project/net"),
                        List.of(component("end", null, "quest:service:Cluster", "end")))));

        String markdown = MarkdownRenderer.render(plan);
        MermaidFlowchart diagram = MermaidFlowchart.parse(MermaidFlowchart.block(markdown));

        assertDiagramOf(plan, diagram);
        assertThat(diagram.plainNodes()).hasSize(10); // 6 components in dev, 1 in each other stack, 1 stack outside the plan
        assertThat(diagram.plainNodes()).extracting(MermaidFlowchart.Node::label).contains(
                "acme:style:Thing\n" + hostile.name(), "network:Network\nx", "service:Cluster\nend", "stack other-org/other-project/net");
        assertThat(diagram.edges()).filteredOn(e -> e.arrow().equals("-->")).extracting(e -> e.from() + " -> " + e.to())
                .containsExactlyInAnyOrder(
                        MermaidDiagram.componentId(network.urn()) + " -> " + MermaidDiagram.componentId(widgetOfNetwork.urn()),
                        MermaidDiagram.componentId(cluster.urn()) + " -> " + MermaidDiagram.componentId(widgetOfCluster.urn()),
                        MermaidDiagram.componentId(cluster.urn()) + " -> " + MermaidDiagram.componentId(hostile.urn()));
        assertThat(markdown.substring(markdown.indexOf("```mermaid"), markdown.indexOf("\n```\n"))).doesNotContain("%%", "`code`", "<b>");
    }

    @Test
    void ids_are_an_encoding_of_the_urn_that_keeps_distinct_urns_apart() {
        assertThat(MermaidDiagram.componentId("urn:pulumi:dev::quest-platform::quest:network:Network::dev"))
                .isEqualTo("c__dev__quest_3anetwork_3aNetwork__dev");
        assertThat(MermaidDiagram.stackId("a-b")).isNotEqualTo(MermaidDiagram.stackId("a_b"));
        // a part that starts with an escape cannot be confused with a longer previous part
        assertThat(MermaidDiagram.componentId("urn:pulumi:a::p::t::-b")).isNotEqualTo(MermaidDiagram.componentId("urn:pulumi:a_::p::t::b"));
        assertThat(MermaidDiagram.encode("\u2603_")).isEqualTo("_u002603_5f");
    }

    // --- the reader refuses what Mermaid would misread, so the tests above can fail ---

    @Test
    void the_reader_refuses_the_diagrams_mermaid_would_draw_wrongly_or_not_at_all() {
        // what the diagram looked like before: three components of stack dev on one ID, so two vanished
        assertThatThrownBy(() -> MermaidFlowchart.parse("""
                flowchart LR
                  subgraph dev["stack dev"]
                    dev_dev["identity:IamLockdown<br/>dev"]
                    dev_dev["network:Network<br/>dev"]
                  end
                """)).hasMessageContaining("line 4").hasMessageContaining("ID dev_dev is declared twice");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  shared -->|stack reference| dev\n"))
                .hasMessageContaining("edge end shared is not declared");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  a[\"say \"hi\"\"]\n"))
                .hasMessageContaining("not a statement");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  a[\"flow direction TB\"]\n"))
                .hasMessageContaining("direction statement");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  a[\"<b>bold</b>\"]\n"))
                .hasMessageContaining("markup");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  a[\"#1\"]\n"))
                .hasMessageContaining("'#' that does not start an entity code");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  style_a[\"a:b#35;\"]\n"))
                .hasMessageContaining("undecoded");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  subgraph end[\"stack end\"]\n  end\n"))
                .hasMessageContaining("ID end starts with a word");
        assertThatThrownBy(() -> MermaidFlowchart.parse("flowchart LR\n  subgraph s[\"stack s\"]\n"))
                .hasMessageContaining("never closed");
    }

    // --- helpers ---

    /**
     * The diagram has a subgraph per stack, a node in it per component with its type and name, an edge from
     * each component's nearest component ancestor, and an edge from each stack to each stack it reads.
     */
    private static void assertDiagramOf(Plan plan, MermaidFlowchart diagram) {
        Map<String, PlannedResource> byUrn = new HashMap<>();
        plan.stacks().forEach(s -> s.resources().forEach(r -> byUrn.put(r.urn(), r)));
        List<String> expectedParentEdges = new ArrayList<>();
        int componentCount = 0;
        for (StackPlan s : plan.stacks()) {
            String subgraph = diagram.idOf("stack " + s.stack());
            assertThat(diagram.nodes().get(subgraph).isSubgraph()).isTrue();
            for (PlannedResource r : components(s)) {
                componentCount++;
                MermaidFlowchart.Node node = diagram.nodes().get(MermaidDiagram.componentId(r.urn()));
                assertThat(node).as("node of %s", r.urn()).isNotNull();
                assertThat(node.label()).isEqualTo(r.type().replaceFirst("^quest:", "") + "\n" + r.name());
                assertThat(node.subgraph()).isEqualTo(subgraph);
                PlannedResource parent = r.parent() == null ? null : byUrn.get(r.parent());
                while (parent != null && !parent.isComponent()) {
                    parent = parent.parent() == null ? null : byUrn.get(parent.parent());
                }
                if (parent != null) {
                    expectedParentEdges.add(MermaidDiagram.componentId(parent.urn()) + " --> " + node.id());
                }
            }
        }
        long outside = plan.stacks().stream().flatMap(s -> s.references().stream())
                .filter(ref -> plan.stacks().stream().noneMatch(s -> ref.equals("organization/" + plan.project() + "/" + s.stack())))
                .distinct().count();
        assertThat(diagram.plainNodes()).hasSize(componentCount + (int) outside);
        assertThat(diagram.edges()).filteredOn(e -> e.arrow().equals("-->")).extracting(e -> e.from() + " --> " + e.to())
                .containsExactlyInAnyOrderElementsOf(expectedParentEdges);

        List<String> expectedReads = new ArrayList<>();
        for (StackPlan s : plan.stacks()) {
            for (String ref : s.references()) {
                String local = plan.stacks().stream().map(StackPlan::stack)
                        .filter(name -> ref.equals("organization/" + plan.project() + "/" + name)).findFirst().orElse(null);
                expectedReads.add("stack " + s.stack() + " reads stack " + (local != null ? local : ref));
            }
        }
        assertThat(diagram.edges()).filteredOn(e -> e.arrow().equals("-.->")).allSatisfy(e -> assertThat(e.text()).isEqualTo("reads"))
                .extracting(e -> diagram.nodes().get(e.from()).label() + " reads " + diagram.nodes().get(e.to()).label())
                .containsExactlyInAnyOrderElementsOf(expectedReads);
        assertThat(diagram.edges()).hasSize(expectedParentEdges.size() + expectedReads.size());
    }

    private static List<PlannedResource> components(StackPlan stack) {
        return stack.resources().stream().filter(PlannedResource::isComponent).toList();
    }

    private static StackPlan stack(String name, List<String> references, List<PlannedResource> resources) {
        return new StackPlan(name, references, resources, Map.of(), Map.of(), List.of(), List.of(), null);
    }

    private static StackPlan withResources(StackPlan s, List<PlannedResource> resources) {
        return new StackPlan(s.stack(), s.references(), resources, s.outputs(), s.outputValues(), s.secretOutputs(), s.findings(), s.cost());
    }

    private static PlannedResource component(String stack, PlannedResource parent, String type, String name) {
        return resource(stack, parent, type, name, false);
    }

    private static PlannedResource custom(String stack, PlannedResource parent, String type, String name) {
        return resource(stack, parent, type, name, true);
    }

    /** A resource with the URN the engine gives it: the parent's qualified type, then {@code $} and its own. */
    private static PlannedResource resource(String stack, PlannedResource parent, String type, String name, boolean custom) {
        String root = "urn:pulumi:" + stack + "::" + PROJECT + "::pulumi:pulumi:Stack::" + PROJECT + "-" + stack;
        String qualified = parent == null ? type : parent.urn().split("::")[2] + "$" + type;
        String urn = "urn:pulumi:" + stack + "::" + PROJECT + "::" + qualified + "::" + name;
        return new PlannedResource(urn, custom ? name + "-id" : null, type, name, custom, parent == null ? root : parent.urn(),
                null, List.of(), false, false, Map.of(), List.of());
    }
}
