package io.quest.platform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An environment with a data stack: its deploy role updates {@code <environment>-data} too, and no other environment's. */
class StateDataStacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "arn:aws:s3:::quest-platform-state-111111111111";
    private static final StateObjects OBJECTS = new StateObjects("quest-platform");
    private static final StateGrants GRANTS = new StateGrants(OBJECTS, "shared", "arn:aws:iam::111111111111:role/quest-platform-ci-preview",
            Map.of("dev", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev",
                    "prod", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod"),
            Map.of("prod", List.of("dev")), Set.of("dev"));

    @Test
    void the_deploy_role_of_an_environment_with_a_data_stack_updates_both_stacks_and_nothing_of_the_others() throws Exception {
        assertThat(GRANTS.stacksUpdatedBy("dev")).containsExactly("dev", "dev-data");
        assertThat(GRANTS.stacksUpdatedBy("prod")).containsExactly("prod");

        JsonNode dev = JSON.readTree(StatePolicies.deployRolePolicy(BUCKET, GRANTS, "dev").toJson());
        List<String> updates = resources(dev, "UpdatesOwnState");
        assertThat(updates).anyMatch(r -> r.startsWith(BUCKET + "/" + OBJECTS.checkpoint("dev")))
                .anyMatch(r -> r.startsWith(BUCKET + "/" + OBJECTS.checkpoint("dev-data")))
                .anyMatch(r -> r.startsWith(BUCKET + "/" + OBJECTS.locksFolder("dev-data")));
        assertThat(updates).noneMatch(r -> r.contains("/prod"));

        JsonNode prod = JSON.readTree(StatePolicies.deployRolePolicy(BUCKET, GRANTS, "prod").toJson());
        assertThat(resources(prod, "UpdatesOwnState")).noneMatch(r -> r.contains("dev"));
        // prod reads dev's checkpoint (promoteFrom), never dev's data stack.
        assertThat(resources(prod, "ReadsState")).anyMatch(r -> r.startsWith(BUCKET + "/" + OBJECTS.checkpoint("dev")))
                .noneMatch(r -> r.contains("dev-data"));
    }

    @Test
    void the_bucket_policy_denies_writes_outside_an_environment_s_own_stacks() throws Exception {
        JsonNode policy = JSON.readTree(StatePolicies.bucketPolicy(BUCKET, "arn:aws:kms:eu-west-1:111111111111:key/k", GRANTS).toJson());
        JsonNode deny = null;
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Sid").asText().equals("DeployDevWritesNothingElse")) {
                deny = statement;
            }
        }
        assertThat(deny).isNotNull();
        assertThat(deny.get("NotResource").toString()).contains(OBJECTS.checkpoint("dev-data")).doesNotContain(OBJECTS.checkpoint("prod"));
    }

    @Test
    void a_data_stack_of_an_environment_without_a_deploy_role_is_refused() {
        assertThatThrownBy(() -> new StateGrants(OBJECTS, "shared", "arn:aws:iam::111111111111:role/p",
                Map.of("dev", "arn:aws:iam::111111111111:role/d"), Map.of(), Set.of("qa")))
                .hasMessageContaining("data stacks name environment qa, which has no deploy role");
    }

    private static List<String> resources(JsonNode policy, String sid) {
        List<String> found = new ArrayList<>();
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Sid").asText().equals(sid)) {
                JsonNode r = statement.get("Resource");
                if (r.isArray()) {
                    r.forEach(x -> found.add(x.asText()));
                } else {
                    found.add(r.asText());
                }
            }
        }
        return found;
    }
}
