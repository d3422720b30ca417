package io.quest.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI identity as the shared stack plans it. */
class CiIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER_ARN = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        shared = PlanFixture.repository().stack("shared");
    }

    private static JsonNode json(PlannedResource r, String input) throws Exception {
        return JSON.readTree((String) r.input(input));
    }

    @Test
    void github_is_the_identity_provider_for_the_aws_audience() {
        PlannedResource github = shared.named("ci-github");

        assertThat(shared.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).hasSize(1);
        assertThat(github.input("url")).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(github.input("clientIdLists")).isEqualTo(List.of("sts.amazonaws.com"));
    }

    @Test
    void the_preview_role_is_assumable_only_from_pull_requests_of_the_configured_repository() throws Exception {
        JsonNode statement = json(shared.named("ci-preview"), "assumeRolePolicy").at("/Statement/0");

        assertThat(json(shared.named("ci-preview"), "assumeRolePolicy").get("Statement")).hasSize(1);
        assertThat(statement.at("/Principal/Federated").asText()).isEqualTo(PROVIDER_ARN);
        assertThat(statement.at("/Condition/StringEquals/token.actions.githubusercontent.com:sub").asText())
                .isEqualTo("repo:acme/quest-platform:pull_request");
        assertThat(statement.at("/Condition/StringEquals/token.actions.githubusercontent.com:aud").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(statement.at("/Condition/StringLike").isMissingNode()).isTrue();
    }

    @Test
    void each_environment_has_its_own_deploy_role_that_reaches_only_its_own_deployer() throws Exception {
        List<PlannedResource> deployRoles = shared.ofType("aws:iam/role:Role").stream()
                .filter(r -> r.name().startsWith("ci-deploy-")).toList();
        assertThat(deployRoles).extracting(PlannedResource::name).containsExactly("ci-deploy-dev", "ci-deploy-prod");

        for (String env : List.of("dev", "prod")) {
            String account = env.equals("dev") ? "222222222222" : "333333333333";
            JsonNode trust = json(shared.named("ci-deploy-" + env), "assumeRolePolicy");
            assertThat(trust.at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:sub").asText())
                    .isEqualTo("repo:acme/quest-platform:environment:" + env);
            JsonNode permissions = json(shared.named("ci-deploy-" + env + "-assume"), "policy");
            assertThat(permissions.at("/Statement/0/Resource").asText()).isEqualTo("arn:aws:iam::" + account + ":role/quest-platform-deployer");
            assertThat(permissions.at("/Statement/0/Action").asText()).isEqualTo("sts:AssumeRole");
        }
    }

    @Test
    void the_preview_role_reaches_only_the_previewers() throws Exception {
        JsonNode permissions = json(shared.named("ci-preview-assume"), "policy");

        assertThat(permissions.get("Statement")).hasSize(1);
        assertThat(permissions.at("/Statement/0/Resource")).extracting(JsonNode::asText).containsExactly(
                "arn:aws:iam::222222222222:role/quest-platform-previewer", "arn:aws:iam::333333333333:role/quest-platform-previewer");
    }

    @Test
    void there_are_no_iam_users_or_access_keys_anywhere_in_the_platform() {
        List<String> forbidden = List.of("aws:iam/user:User", "aws:iam/accessKey:AccessKey", "aws:iam/userLoginProfile:UserLoginProfile");

        assertThat(PlanFixture.repository().stacks()).hasSize(5).allSatisfy(stack ->
                assertThat(stack.resources()).extracting(PlannedResource::type).doesNotContainAnyElementsOf(forbidden));
    }

    @Test
    void a_wildcard_repository_is_refused_before_anything_is_planned() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED.replace("acme/quest-platform", "acme/*")), "shared");

        assertThat(message).contains("stack shared has a configuration problem",
                "quest-platform:ciRepository: \"acme/*\" contains a wildcard, which would let other repositories' workflows assume the CI roles");
    }
}
