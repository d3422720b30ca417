package io.quest.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.aws.Partition;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles review environments are deployed with, as the repository's shared stack plans them: CI's review role trusts
 * only the repository's {@code review} environment and may assume only dev's reviewer; the reviewer trusts only that role,
 * is bounded, reads without data, and writes only what a review stack is made of.
 */
class ReviewRolesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        shared = PlanFixture.repository().stack("shared");
    }

    private static PlannedResource role(String name) {
        return shared.resources().stream().filter(r -> r.type().equals("aws:iam/role:Role") && name.equals(r.input("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no role " + name));
    }

    private static List<JsonNode> inlinePolicies(String roleName) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (PlannedResource p : shared.resources()) {
            if (p.type().equals("aws:iam/rolePolicy:RolePolicy") && roleName.equals(p.input("role"))) {
                docs.add(JSON.readTree((String) p.input("policy")));
            }
        }
        return docs;
    }

    @Test
    void ci_review_role_trusts_exactly_the_review_environment_of_the_repository() throws Exception {
        JsonNode trust = JSON.readTree((String) role(ReviewRoles.CI_ROLE).input("assumeRolePolicy"));

        assertThat(trust.get("Statement")).hasSize(1);
        JsonNode statement = trust.get("Statement").get(0);
        assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.at("/Principal/Federated").asText()).endsWith(":oidc-provider/token.actions.githubusercontent.com");
        assertThat(statement.at("/Condition/StringEquals/token.actions.githubusercontent.com:sub").asText())
                .isEqualTo("repo:acme/quest-platform:environment:review");
        assertThat(statement.at("/Condition/StringEquals/token.actions.githubusercontent.com:aud").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(statement.get("Condition").has("StringLike")).isFalse();
    }

    @Test
    void ci_review_role_may_assume_only_devs_reviewer_and_no_other_role_may() throws Exception {
        List<JsonNode> policies = inlinePolicies(ReviewRoles.CI_ROLE);
        JsonNode assume = policies.stream().filter(p -> p.toString().contains("sts:AssumeRole")).findFirst().orElseThrow();
        assertThat(assume.get("Statement")).hasSize(1);
        assertThat(assume.get("Statement").get(0).get("Resource").toString())
                .isIn("\"arn:aws:iam::222222222222:role/quest-platform-reviewer\"", "[\"arn:aws:iam::222222222222:role/quest-platform-reviewer\"]");
        // Its other policy is the state backend's: objects of the state bucket only.
        assertThat(policies).hasSize(2).allSatisfy(p -> assertThat(p.toString()).doesNotContain("\"*\"", "\"iam:", "\"s3:*\"", "\"kms:"));

        for (PlannedResource p : shared.resources()) {
            if (p.type().equals("aws:iam/rolePolicy:RolePolicy") && !ReviewRoles.CI_ROLE.equals(p.input("role"))) {
                assertThat((String) p.input("policy")).as(p.name()).doesNotContain("quest-platform-reviewer");
            }
        }
    }

    @Test
    void the_reviewer_trusts_only_the_ci_review_role_and_is_bounded() throws Exception {
        PlannedResource reviewer = role(PlatformRole.REVIEWER.roleName());
        JsonNode trust = JSON.readTree((String) reviewer.input("assumeRolePolicy"));
        assertThat(trust.get("Statement")).hasSize(1);
        assertThat(trust.at("/Statement/0/Principal/AWS").asText()).isEqualTo("arn:aws:iam::111111111111:role/" + ReviewRoles.CI_ROLE);
        assertThat((String) reviewer.input("permissionsBoundary")).endsWith(":policy/" + PlatformRole.BOUNDARY_POLICY);
        assertThat(shared.resources()).filteredOn(r -> r.type().equals("aws:iam/role:Role")
                && PlatformRole.REVIEWER.roleName().equals(r.input("name"))).as("only in dev's account").hasSize(1);

        List<String> attached = shared.resources().stream().filter(r -> r.type().equals("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                && PlatformRole.REVIEWER.roleName().equals(r.input("role"))).map(r -> (String) r.input("policyArn")).toList();
        assertThat(attached).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void the_reviewer_writes_only_review_stack_resources_and_never_load_balancers_networks_or_other_roles() throws Exception {
        String writes = ReviewerPolicies.writes(Partition.AWS, "222222222222", PlatformRole.boundaryArn(Partition.AWS, "222222222222")).toJson();
        JsonNode doc = JSON.readTree(writes);

        assertThat(writes).doesNotContain("\"iam:*\"").doesNotContain("\"ec2:*\"").doesNotContain("\"ecs:*\"")
                .doesNotContain("elasticloadbalancing:*").doesNotContain("\"Action\":\"*\"");
        for (JsonNode s : doc.get("Statement")) {
            if (s.get("Action").toString().contains("iam:")) {
                assertThat(s.get("Resource").toString()).as(s.get("Sid").asText())
                        .isIn("\"arn:aws:iam::222222222222:role/pr-*\"", "[\"arn:aws:iam::222222222222:role/pr-*\"]");
            }
            if (s.get("Sid").asText().equals("ReviewRoles")) {
                assertThat(s.at("/Condition/StringEquals/iam:PermissionsBoundary").asText()).isEqualTo(PlatformRole.boundaryArn(Partition.AWS, "222222222222"));
            }
        }
        JsonNode deny = null;
        for (JsonNode s : doc.get("Statement")) {
            if (s.get("Effect").asText().equals("Deny")) {
                deny = s;
            }
        }
        assertThat(deny).isNotNull();
        assertThat(deny.get("Action").toString()).contains("elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyListener",
                "ec2:CreateVpc", "ec2:CreateRoute", "ec2:RunInstances");
        assertThat(inlinePolicies(PlatformRole.REVIEWER.roleName())).anySatisfy(p -> assertThat(p.toString()).contains("PreviewReadsNoData"));
    }

    @Test
    void the_boundary_protects_the_reviewer_like_the_other_platform_roles() {
        String boundary = PermissionsBoundary.document(Partition.AWS, "222222222222", List.of("eu-west-1"), "OrganizationAccountAccessRole").toJson();
        assertThat(boundary).contains("arn:aws:iam::222222222222:role/quest-platform-reviewer");
    }
}
