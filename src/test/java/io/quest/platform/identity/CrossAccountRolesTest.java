package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
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

/** The roles the shared stack creates in each member account, through that account's bootstrap provider. */
class CrossAccountRolesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> MEMBERS = Map.of("dev", "222222222222", "prod", "333333333333");
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        shared = PlanFixture.repository().stack("shared");
    }

    private static JsonNode json(String resource, String input) throws Exception {
        return JSON.readTree((String) shared.named(resource).input(input));
    }

    @Test
    void each_member_gets_its_roles_and_boundary_through_a_provider_pinned_to_it_that_assumes_the_bootstrap_role() throws Exception {
        for (Map.Entry<String, String> member : MEMBERS.entrySet()) {
            String env = member.getKey();
            PlannedResource provider = shared.named("shared-aws-" + env);
            assertThat(provider.input("allowedAccountIds")).isEqualTo("[\"" + member.getValue() + "\"]");
            assertThat(JSON.readTree((String) provider.input("assumeRole")).get("roleArn").asText())
                    .isEqualTo("arn:aws:iam::" + member.getValue() + ":role/OrganizationAccountAccessRole");

            String component = shared.named(env).urn();
            List<PlannedResource> inMember = shared.resources().stream().filter(r -> component.equals(r.parent())).toList();
            assertThat(inMember).hasSize(11).allSatisfy(r -> assertThat(r.provider()).isEqualTo(provider.urn()));
            assertThat(inMember).filteredOn(r -> r.type().equals("aws:iam/role:Role")).extracting(r -> r.input("name"))
                    .containsExactlyInAnyOrder("quest-platform-deployer", "quest-platform-previewer", "quest-platform-auditor",
                            "quest-platform-break-glass");
        }
    }

    @Test
    void the_deployer_carries_the_boundary_and_trusts_its_environments_ci_deploy_role() throws Exception {
        Map<?, ?> ciDeploy = (Map<?, ?>) shared.outputs().get("ciDeployRoleArns");

        for (String env : MEMBERS.keySet()) {
            PlannedResource deployer = shared.named(env + "-deployer");
            assertThat(deployer.input("permissionsBoundary"))
                    .isEqualTo("arn:aws:iam::" + MEMBERS.get(env) + ":policy/quest-platform-deployer-boundary");
            JsonNode trust = json(env + "-deployer", "assumeRolePolicy");
            assertThat(trust.at("/Statement/0/Principal/AWS").asText()).isEqualTo(ciDeploy.get(env));
            assertThat(trust.at("/Statement/1/Principal/AWS").asText()).isEqualTo("arn:aws:iam::111111111111:root");
            assertThat(trust.toString()).doesNotContain("ci-preview");
        }
        assertThat(json("prod-deployer", "assumeRolePolicy").toString()).doesNotContain("ci-deploy-dev");
        assertThat(shared.named("dev-deployer-admin").input("policyArn")).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void the_boundary_in_each_account_is_the_boundary_document_for_that_account() throws Exception {
        for (String env : MEMBERS.keySet()) {
            assertThat(json(env + "-boundary", "policy")).isEqualTo(JSON.readTree(
                    PermissionsBoundary.document(Partition.AWS, MEMBERS.get(env), List.of("eu-west-1"), "OrganizationAccountAccessRole").toJson()));
            assertThat(shared.named(env + "-boundary").input("name")).isEqualTo("quest-platform-deployer-boundary");
        }
    }

    @Test
    void the_previewer_reads_configuration_only_and_trusts_only_the_ci_preview_role() throws Exception {
        assertThat(json("dev-previewer", "assumeRolePolicy").at("/Statement/0/Principal/AWS").asText())
                .isEqualTo(shared.outputs().get("ciPreviewRoleArn"));
        assertThat(shared.named("dev-previewer-read").input("policyArn")).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(json("dev-previewer-no-data", "policy").at("/Statement/0/Effect").asText()).isEqualTo("Deny");
    }

    @Test
    void the_auditor_has_security_audit_and_read_only_and_break_glass_has_short_sessions_from_the_break_glass_permission_set() throws Exception {
        assertThat(List.of(shared.named("dev-auditor-security").input("policyArn"), shared.named("dev-auditor-read").input("policyArn")))
                .containsExactly("arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        PlannedResource breakGlass = shared.named("prod-break-glass");
        assertThat(((Number) breakGlass.input("maxSessionDuration")).intValue()).isLessThanOrEqualTo(3600);
        // Identity Center enforces MFA at sign-in; its federated sessions carry no MFA key (see IdentityCenterAccessTest).
        assertThat(json("prod-break-glass", "assumeRolePolicy").at("/Statement/0/Condition/ArnLike/aws:PrincipalArn/0").asText())
                .isEqualTo("arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-break-glass_*");
        assertThat(shared.named("prod-break-glass-admin").input("policyArn")).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void role_arns_in_the_outputs_are_in_the_member_accounts() {
        assertThat(shared.outputs().get("deployerRoleArns")).isEqualTo(Map.of(
                "dev", "arn:aws:iam::222222222222:role/quest-platform-deployer",
                "prod", "arn:aws:iam::333333333333:role/quest-platform-deployer"));
        assertThat(((Map<?, ?>) shared.outputs().get("previewerRoleArns")).get("prod"))
                .isEqualTo("arn:aws:iam::333333333333:role/quest-platform-previewer");
    }
}
