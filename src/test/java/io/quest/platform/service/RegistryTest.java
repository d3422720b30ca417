package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The container registry: its policies as data, and the repository as the shared stack plans it. */
class RegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan shared;
    private static PlannedResource repository;

    @BeforeAll
    static void plan() {
        shared = PlanFixture.repository().stack("shared");
        repository = shared.named("registry-repository");
    }

    @Test
    void tags_are_immutable_images_are_scanned_on_push_and_encrypted_with_the_registry_key() {
        assertThat(repository.input("name")).isEqualTo("quest/web");
        assertThat(repository.input("imageTagMutability")).isEqualTo("IMMUTABLE");
        assertThat(repository.input("imageScanningConfiguration", "scanOnPush")).isEqualTo(true);
        Map<?, ?> encryption = (Map<?, ?>) ((List<?>) repository.input("encryptionConfigurations")).get(0);
        assertThat(encryption.get("encryptionType")).isEqualTo("KMS");
        assertThat(encryption.get("kmsKey")).asString().startsWith("arn:aws:kms:eu-west-1:111111111111:key/");
        assertThat(shared.named("registry-key").input("enableKeyRotation")).isEqualTo(true);
    }

    @Test
    void the_production_shared_stack_protects_repository_and_key_and_a_test_one_does_not() {
        StackPlan notProduction = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED), "shared").stack("shared");

        assertThat(List.of(repository, shared.named("registry-key"))).allSatisfy(r -> assertThat(r.protect()).isTrue());
        assertThat(notProduction.named("registry-repository").protect()).isFalse();
        assertThat(repository.input("forceDelete")).isEqualTo(false);
    }

    @Test
    void member_accounts_may_pull_and_resolve_tags_and_nothing_more() {
        PolicyDocument policy = RegistryPolicies.pullPolicy(Partition.AWS, List.of("222222222222", "333333333333"));
        Statement pull = policy.statement("MemberAccountsPull");

        assertThat(policy.statements()).hasSize(2).allSatisfy(s -> assertThat(s.principals())
                .containsExactly(Principal.account(Partition.AWS, "222222222222"), Principal.account(Partition.AWS, "333333333333")));
        assertThat(pull.actions()).containsExactlyInAnyOrder("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability");
        assertThat(policy.statement("MemberAccountsResolveTags").actions()).containsExactly("ecr:DescribeImages");
        assertThat(policy.statements()).flatExtracting(Statement::actions)
                .noneMatch(a -> a.contains("*") || a.contains("Put") || a.contains("Delete") || a.contains("Policy") || a.contains("Upload"));
    }

    @Test
    void the_planned_pull_policy_names_the_member_accounts_but_not_the_shared_one() throws Exception {
        JsonNode policy = JSON.readTree((String) shared.named("registry-pull-policy").input("policy"));

        assertThat(policy.toString()).contains("arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root")
                .doesNotContain("111111111111");
    }

    @Test
    void the_lifecycle_expires_untagged_images_first_and_then_keeps_the_newest_n() throws Exception {
        JsonNode rules = JSON.readTree(RegistryPolicies.lifecyclePolicy(30)).get("rules");

        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).at("/selection/tagStatus").asText()).isEqualTo("untagged");
        assertThat(rules.get(1).at("/selection/tagStatus").asText()).as("the any rule must come last").isEqualTo("any");
        assertThat(rules.get(1).at("/selection/countType").asText()).isEqualTo("imageCountMoreThan");
        assertThat(rules.get(1).at("/selection/countNumber").asInt()).isEqualTo(30);
        assertThat(rules.get(1).at("/rulePriority").asInt()).isGreaterThan(rules.get(0).at("/rulePriority").asInt());
        assertThat(JSON.readTree((String) shared.named("registry-lifecycle").input("policy")).at("/rules/1/selection/countNumber").asInt())
                .isEqualTo(50);
    }
}
