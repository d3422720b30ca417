package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import io.quest.platform.identity.ImagePushRoles;
import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image pipeline: an application repository's release builds (main and {@code v*} tags) push through the push role
 * the shared stack creates for it, which nothing else can assume and which may only push to the registry and read scan
 * results; the reusable workflow assumes that role and refuses critical findings the shared stack does not waive.
 */
class ImagePipelineTest {

    private static final String ROLE = "quest-platform-push-acme-quest-web";
    private static final String AUDIENCE = "sts.amazonaws.com";

    private static Plan plan;
    private static List<PlannedRole> roles;
    private static List<String> providers;

    @BeforeAll
    static void load() {
        plan = PlanFixture.repository();
        roles = PlannedRole.all(plan);
        providers = PlannedRole.githubProviders(plan);
    }

    private static List<PlannedRole> admitting(String subject) {
        return roles.stream().filter(r -> Admission.of(r.trust(), providers, new OidcToken(subject, AUDIENCE)) != Admission.REFUSED).toList();
    }

    // Subjects as GitHub builds them for a push to a branch or tag: repo:ORG/REPO:ref:refs/heads/BRANCH and
    // repo:ORG/REPO:ref:refs/tags/TAG (https://docs.github.com/en/actions/reference/security/oidc, read 2026-12-02).
    @ParameterizedTest
    @ValueSource(strings = {"repo:acme/quest-web:ref:refs/heads/main", "repo:acme/quest-web:ref:refs/tags/v1.4.2", "repo:acme/quest-web:ref:refs/tags/v2"})
    void a_release_build_of_the_listed_application_is_admitted_by_its_push_role_alone(String subject) {
        assertThat(admitting(subject)).extracting(PlannedRole::name).containsExactly(ROLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "repo:acme/quest-web:ref:refs/heads/feature",
            "repo:acme/quest-web:pull_request",
            "repo:acme/quest-web:ref:refs/tags/1.4.2",
            "repo:acme/quest-web:environment:prod",
            "repo:acme/quest-webx:ref:refs/heads/main",
            "repo:acme/other:ref:refs/tags/v1.0.0",
            "repo:acme/quest-platform:ref:refs/heads/main"})
    void nothing_else_assumes_the_push_role(String subject) {
        assertThat(admitting(subject)).extracting(PlannedRole::name).doesNotContain(ROLE);
    }

    @Test
    void the_push_role_pushes_to_the_registry_and_reads_scans_but_deletes_nothing_and_reaches_nothing_else() {
        PlannedRole role = roles.stream().filter(r -> r.name().equals(ROLE)).findFirst().orElseThrow();
        PlannedResource registry = plan.stack("shared").ofType("aws:ecr/repository:Repository").get(0);
        String registryArn = "arn:aws:ecr:eu-west-1:111111111111:repository/" + registry.input("name");
        PlannedResource waivers = plan.stack("shared").ofType("aws:ssm/parameter:Parameter").stream()
                .filter(p -> ImagePushRoles.WAIVERS_PARAMETER.equals(p.input("name"))).findFirst().orElseThrow();

        assertThat(role.attachedPolicies()).isEmpty();
        assertThat(role.assumable()).isEmpty();
        assertThat(role.broadPermissions()).isEmpty();
        List<JsonNode> statements = role.inlinePolicies().stream().flatMap(p -> PlannedRole.list(p.path("Statement")).stream()).toList();
        assertThat(statements).allSatisfy(s -> assertThat(s.path("Effect").asText()).isEqualTo("Allow"));
        for (JsonNode s : statements) {
            List<String> actions = PlannedRole.list(s.path("Action")).stream().map(JsonNode::asText).toList();
            List<String> resources = PlannedRole.list(s.path("Resource")).stream().map(JsonNode::asText).toList();
            assertThat(actions).noneMatch(a -> a.contains("*") || a.contains("Delete") || a.startsWith("ecr:Set") || a.startsWith("ecr:Put")
                    && !a.equals("ecr:PutImage"));
            if (resources.contains("*")) {
                assertThat(actions).as("only the login token has no resource").containsExactly("ecr:GetAuthorizationToken");
            } else if (actions.get(0).startsWith("ecr:")) {
                assertThat(resources).containsExactly(registryArn);
                assertThat(actions).contains("ecr:PutImage", "ecr:CompleteLayerUpload", "ecr:DescribeImageScanFindings");
            } else {
                assertThat(actions).containsExactly("ssm:GetParameter");
                assertThat(resources).containsExactly("arn:aws:ssm:eu-west-1:111111111111:parameter" + ImagePushRoles.WAIVERS_PARAMETER);
            }
        }
        assertThat(registry.input("imageTagMutability")).as("a pushed tag never moves").isEqualTo("IMMUTABLE");
        assertThat(waivers.input("value")).as("no waivers configured").isEqualTo("{}");
    }

    @Test
    void the_reusable_workflow_runs_only_when_called_assumes_the_push_role_and_refuses_unwaived_critical_findings() {
        Workflow image = Workflow.load(Path.of(".github/workflows")).stream().filter(w -> w.file().equals("image.yml")).findFirst().orElseThrow();
        WorkflowJob job = image.jobs().get(0);

        assertThat(image.events()).containsExactly("workflow_call");
        assertThat(image.jobs()).hasSize(1);
        assertThat(job.requestsIdToken()).isTrue();
        assertThat(job.permissions()).contains(Map.of("contents", "read", "id-token", "write"));
        assertThat(job.stepsUsing("aws-actions/configure-aws-credentials@")).singleElement()
                .satisfies(step -> assertThat(step.path("with").path("role-to-assume").asText()).isEqualTo("${{ inputs.push-role-arn }}"));
        String scan = job.stepsRunning("describe-image-scan-findings").get(0).path("run").asText();
        assertThat(scan).contains("aws ecr wait image-scan-complete", ImagePushRoles.WAIVERS_PARAMETER, "severity==`CRITICAL`", "exit 1");
    }
}
