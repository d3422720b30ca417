package io.quest.platform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanEngineTest {

    @Test
    void the_repository_plans_shared_then_dev_then_prod_with_the_network_in_both_environments() {
        Plan plan = PlanFixture.repository();

        assertThat(plan.stacks()).extracting(StackPlan::stack).startsWith("shared").containsSubsequence("shared", "dev", "prod");
        assertThat(plan.stack("dev").ofType("quest:network:Network")).hasSize(1);
        assertThat(plan.stack("prod").ofType("quest:network:Network")).hasSize(1);
        assertThat(plan.stack("shared").ofType("quest:network:Network")).isEmpty();
        assertThat(plan.stack("dev").references()).contains("organization/quest-platform/shared");
    }

    @Test
    void naming_a_stack_plans_what_it_reads_first() {
        Plan plan = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED, "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"),
                "prod", PlanFixture.environment("333333333333", "10.20.0.0/16")), "prod");

        assertThat(plan.stacks()).extracting(StackPlan::stack).containsExactly("shared", "prod");
    }

    @Test
    void a_stack_reference_receives_the_outputs_the_referenced_stack_planned() {
        String network = PlanFixture.environment("333333333333", "10.20.0.0/16");
        String prod = """
                config:
                  aws:region: eu-west-1
                  quest-platform:account: "333333333333"
                  quest-platform:network:
                    fromStack: organization/quest-platform/prod-network
                """;
        Plan plan = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED, "prod-network", network, "prod", prod));

        assertThat(plan.stacks()).extracting(StackPlan::stack).containsExactly("shared", "prod-network", "prod");
        StackPlan networkStack = plan.stack("prod-network");
        StackPlan prodStack = plan.stack("prod");
        assertThat(prodStack.ofType("aws:ec2/vpc:Vpc")).isEmpty();
        assertThat(prodStack.references()).containsExactly("organization/quest-platform/prod-network", "organization/quest-platform/shared");
        assertThat(prodStack.outputs().get("vpcId")).isEqualTo(networkStack.named("prod-vpc").id());
        assertThat(prodStack.outputs().get("privateSubnetIds")).isEqualTo(networkStack.outputs().get("privateSubnetIds"));
    }

    @Test
    void the_same_stack_files_plan_to_the_same_json() {
        Map<String, String> files = Map.of("shared", PlanFixture.SHARED, "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"));
        // Two planners of their own, not the fixture's, which would hand the second plan the first one's stacks.
        String first = JsonRenderer.render(new PlanEngine(line -> { }).plan(PlanFixture.project(files), List.of()));
        String second = JsonRenderer.render(new PlanEngine(line -> { }).plan(PlanFixture.project(files), List.of()));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void the_json_follows_the_contract() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonRenderer.render(PlanFixture.repository()));

        assertThat(json.get("project").asText()).isEqualTo("quest-platform");
        JsonNode dev = null;
        for (JsonNode stack : json.get("stacks")) {
            assertThat(stack.fieldNames()).toIterable().contains("stack", "references", "resources", "outputs", "findings", "cost");
            if (stack.get("stack").asText().equals("dev")) {
                dev = stack;
            }
        }
        assertThat(dev).isNotNull();
        JsonNode vpc = null;
        for (JsonNode r : dev.get("resources")) {
            assertThat(r.fieldNames()).toIterable().contains("urn", "type", "name", "custom", "parent", "provider",
                    "dependencies", "protect", "retainOnDelete", "inputs");
            if (r.get("type").asText().equals("aws:ec2/vpc:Vpc")) {
                vpc = r;
            }
        }
        assertThat(vpc).isNotNull();
        assertThat(vpc.get("urn").asText()).isEqualTo("urn:pulumi:dev::quest-platform::quest:network:Network$aws:ec2/vpc:Vpc::dev-vpc");
        assertThat(vpc.get("inputs").get("cidrBlock").asText()).isEqualTo("10.10.0.0/16");
        assertThat(vpc.get("inputs").get("enableDnsHostnames").asBoolean()).isTrue();
        assertThat(vpc.get("provider").asText()).endsWith("pulumi:providers:aws::dev-aws");
        assertThat(dev.get("outputs").get("vpcId").asText()).matches("vpc-0[0-9a-f]{16}");
        assertThat(dev.get("cost").get("monthlyUsd").asDouble()).isPositive();
    }

    @Test
    void overlapping_vpcs_are_refused_naming_both_stacks() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"),
                "prod", PlanFixture.environment("333333333333", "10.10.128.0/17")));

        assertThat(message).contains("quest-platform:network.cidr: \"10.10.128.0/17\" of stack prod overlaps \"10.10.0.0/16\" of stack dev");
    }

    @Test
    void bad_config_in_several_stacks_is_reported_together_before_anything_is_planned() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED.replace("account: \"111111111111\"", "account: \"1111\""),
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/33")));

        assertThat(message).contains("stack dev has a configuration problem", "quest-platform:network.cidr: \"10.10.0.0/33\" is not an IPv4 CIDR",
                "stack shared has a configuration problem", "quest-platform:account: \"1111\" is not an AWS account ID");
    }

    @Test
    void a_reference_to_a_stack_without_a_file_is_refused() {
        String dev = PlanFixture.environment("222222222222", "10.10.0.0/16").replace("config:\n", "config:\n  quest-platform:sharedStack: organization/quest-platform/security\n");
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", dev));

        assertThat(message).contains("quest-platform:sharedStack: \"organization/quest-platform/security\" names stack security, which has no Pulumi.security.yaml here; expected one of [shared]");
    }

    @Test
    void the_graph_orders_dependencies_first_and_refuses_cycles() {
        StackGraph graph = new StackGraph("p", Map.of(
                "shared", List.of(), "dev", List.of("o/p/shared"), "prod", List.of("o/p/shared", "o/p/dev")));
        assertThat(graph.order(List.of())).containsExactly("shared", "dev", "prod");

        StackGraph cycle = new StackGraph("p", Map.of("a", List.of("o/p/b"), "b", List.of("o/p/a")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cycle.order(List.of()))
                .isInstanceOf(PlanException.class).hasMessageContaining("cycle");
    }
}
