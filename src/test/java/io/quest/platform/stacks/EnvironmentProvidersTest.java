package io.quest.platform.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.config.ProviderRole;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Project;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The environment stacks deploy through the role the shared stack made for them: every AWS resource
 * goes through one provider that assumes that account's deployer role, and every role they create
 * carries that account's permissions boundary.
 */
class EnvironmentProvidersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        plan = PlanFixture.repository();
        shared = plan.stack("shared");
    }

    private static String fromShared(String output, String env) {
        return String.valueOf(((Map<?, ?>) shared.outputs().get(output)).get(env));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_aws_resource_goes_through_the_provider_that_assumes_the_deployer_role(String env) throws Exception {
        StackPlan stack = plan.stack(env);
        List<PlannedResource> providers = stack.resources().stream().filter(r -> r.type().startsWith("pulumi:providers:")).toList();
        List<PlannedResource> aws = stack.resources().stream().filter(r -> r.custom() && r.type().startsWith("aws:")).toList();

        assertThat(providers).hasSize(1);
        PlannedResource provider = providers.get(0);
        JsonNode assumeRole = JSON.readTree((String) provider.input("assumeRole"));
        assertThat(assumeRole.get("roleArn").asText()).isEqualTo(fromShared("deployerRoleArns", env));
        assertThat(assumeRole.get("sessionName").asText()).isEqualTo("quest-platform-" + env);
        assertThat(provider.input("allowedAccountIds")).isEqualTo("[\"" + (env.equals("dev") ? "222222222222" : "333333333333") + "\"]");

        assertThat(aws).hasSizeGreaterThan(20).allSatisfy(r -> assertThat(r.provider()).as(r.name()).isEqualTo(provider.urn()));
        assertThat(stack.resources()).filteredOn(PlannedResource::custom).hasSize(aws.size() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_role_an_environment_creates_carries_its_accounts_boundary(String env) {
        List<PlannedResource> roles = plan.stack(env).ofType("aws:iam/role:Role");

        assertThat(roles).isNotEmpty().allSatisfy(role ->
                assertThat(role.input("permissionsBoundary")).as(role.name()).isEqualTo(fromShared("permissionsBoundaryArns", env)));
    }

    @Test
    void the_deployer_role_an_environment_assumes_is_in_its_own_account() {
        assertThat(fromShared("deployerRoleArns", "dev")).startsWith("arn:aws:iam::222222222222:role/");
        assertThat(fromShared("deployerRoleArns", "prod")).startsWith("arn:aws:iam::333333333333:role/");
    }

    @Test
    void a_network_stack_deploys_through_the_deployer_of_its_environment_too() throws Exception {
        Plan split = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED,
                "prod-network", PlanFixture.environment("333333333333", "10.20.0.0/16")), "prod-network");
        StackPlan network = split.stack("prod-network");
        PlannedResource provider = network.named("prod-network-aws");

        assertThat(JSON.readTree((String) provider.input("assumeRole")).get("roleArn").asText())
                .isEqualTo("arn:aws:iam::333333333333:role/quest-platform-deployer");
        assertThat(network.ofType("aws:iam/role:Role")).allSatisfy(r ->
                assertThat(r.input("permissionsBoundary")).isEqualTo("arn:aws:iam::333333333333:policy/quest-platform-deployer-boundary"));
    }

    @Test
    void under_the_previewer_switch_every_aws_resource_goes_through_the_previewer_role_instead() throws Exception {
        Plan previewed = new PlanEngine(line -> { }, Map.of(ProviderRole.VARIABLE, "previewer")).plan(Project.load(Path.of("")), List.of("prod"));
        StackPlan prod = previewed.stack("prod");
        PlannedResource provider = prod.named("prod-aws");
        JsonNode assumeRole = JSON.readTree((String) provider.input("assumeRole"));

        assertThat(assumeRole.get("roleArn").asText()).isEqualTo(fromShared("previewerRoleArns", "prod"))
                .isEqualTo("arn:aws:iam::333333333333:role/quest-platform-previewer");
        assertThat(assumeRole.get("sessionName").asText()).isEqualTo("quest-platform-prod-preview");
        assertThat(prod.resources()).filteredOn(r -> r.type().startsWith("pulumi:providers:")).hasSize(1);
        assertThat(prod.resources()).filteredOn(r -> r.custom() && r.type().startsWith("aws:"))
                .hasSizeGreaterThan(20).allSatisfy(r -> assertThat(r.provider()).isEqualTo(provider.urn()));
        // The same program otherwise: the previewer sees the resources the deployer would change.
        assertThat(prod.resources()).extracting(PlannedResource::urn)
                .containsExactlyElementsOf(plan.stack("prod").resources().stream().map(PlannedResource::urn).toList());
    }

    @Test
    void an_unknown_provider_role_is_refused_with_the_variable_and_the_choices_before_anything_is_planned() {
        assertThatThrownBy(() -> new PlanEngine(line -> { }, Map.of(ProviderRole.VARIABLE, "admin")).plan(Project.load(Path.of("")), List.of("dev")))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("stack dev has a configuration problem:\n  QUEST_PLATFORM_PROVIDER_ROLE: \"admin\" is not one of"
                        + " deployer, previewer, reviewer (the environment variable choosing the role an environment's AWS provider assumes)");
    }
}
