package io.quest.platform.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate on previews of the data stacks built from the offline plan: replacing the database (a changed identifier)
 * and moving it to another engine major version are worded as the data loss they are, in dev as in prod, and
 * replacing production's protected cluster is blocked outright.
 */
class DatabaseChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A {@code pulumi preview --json} of a stack in which every resource is unchanged ({@code same}) except the database,
     * whose step the consumer shapes (op, new inputs, replaceReasons, detailedDiff) as the engine would report it.
     */
    private static String preview(StackPlan stack, String op, Consumer<ObjectNode> newInputs, List<String> replaceReasons) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        for (PlannedResource resource : stack.resources()) {
            boolean database = resource.type().equals("aws:rds/cluster:Cluster") || resource.type().equals("aws:rds/instance:Instance");
            ObjectNode old = state(resource);
            ObjectNode updated = old.deepCopy();
            ObjectNode step = steps.addObject();
            step.put("op", database ? op : "same");
            step.put("urn", resource.urn());
            if (database) {
                newInputs.accept((ObjectNode) updated.get("inputs"));
                ArrayNode diff = step.putArray("diffReasons");
                ObjectNode detailed = step.putObject("detailedDiff");
                updated.get("inputs").fieldNames().forEachRemaining(key -> {
                    if (!updated.get("inputs").get(key).equals(old.get("inputs").get(key))) {
                        diff.add(key);
                        detailed.putObject(key).put("kind", replaceReasons.contains(key) ? "update-replace" : "update");
                    }
                });
                ArrayNode replace = step.putArray("replaceReasons");
                replaceReasons.forEach(replace::add);
            }
            step.set("oldState", old);
            step.set("newState", updated);
        }
        return root.toString();
    }

    private static ObjectNode state(PlannedResource resource) {
        ObjectNode state = JSON.createObjectNode();
        state.put("urn", resource.urn());
        state.put("type", resource.type());
        state.put("custom", resource.custom());
        state.put("protect", resource.protect());
        state.set("inputs", JSON.valueToTree(resource.inputs()));
        return state;
    }

    private static GateReport gate(String stack, String previewJson) {
        return Gate.review(PreviewParser.parse(previewJson, stack), stack, stack.startsWith("prod"), Optional.empty());
    }

    private static List<String> reasons(GateReport report) {
        return report.reviews().stream().flatMap(r -> r.reasons().stream()).map(Reason::text).toList();
    }

    @Test
    void replacing_the_dev_database_for_a_new_identifier_needs_approval_worded_as_data_loss() {
        StackPlan devData = PlanFixture.repository().stack("dev-data");
        GateReport report = gate("dev-data", preview(devData, "replace", inputs -> inputs.put("identifier", "dev-db2"), List.of("identifier")));

        assertThat(report.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(reasons(report)).contains("replaces RDS database `dev-db` because identifier changed: the existing one is deleted with the"
                + " data it holds");
    }

    @Test
    void a_major_version_jump_needs_approval_in_dev_and_says_it_cannot_be_undone() {
        StackPlan devData = PlanFixture.repository().stack("dev-data");
        GateReport jump = gate("dev-data", preview(devData, "update", inputs -> inputs.put("engineVersion", "17.5"), List.of()));
        GateReport minor = gate("dev-data", preview(devData, "update", inputs -> inputs.put("engineVersion", "16.9"), List.of()));

        assertThat(jump.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(reasons(jump)).containsExactly("upgrades RDS database `dev-db` from engine major version 16 to 17: it cannot be"
                + " downgraded, and going back means restoring a snapshot taken before it, losing the data written since");
        // A minor version is applied like any other change outside production.
        assertThat(minor.decision()).isEqualTo(Decision.APPLY);
    }

    @Test
    void replacing_production_s_protected_cluster_is_blocked_and_worded_as_data_loss() {
        StackPlan prodData = PlanFixture.repository().stack("prod-data");
        GateReport report = gate("prod-data", preview(prodData, "replace", inputs -> inputs.put("clusterIdentifier", "prod-db-new"),
                List.of("clusterIdentifier")));

        assertThat(report.decision()).isEqualTo(Decision.BLOCKED);
        assertThat(reasons(report)).contains(
                "protected resource `prod-db` would be replaced; the engine refuses until `protect` is removed from the program",
                "replaces RDS database cluster `prod-db` because clusterIdentifier changed: the existing one is deleted with the data it holds");
        Map<String, Decision> decisions = new java.util.HashMap<>();
        report.reviews().forEach(r -> decisions.put(r.change().name(), r.decision()));
        assertThat(decisions).containsEntry("prod-db", Decision.BLOCKED);
    }

    @Test
    void moving_dev_to_another_engine_deletes_its_database_and_says_the_data_goes_with_it() throws Exception {
        // database.engine: aurora-serverless in dev-data: the program no longer registers the RDS instance, so the engine
        // deletes it (and creates a cluster beside it); the preview's step for the instance is a delete with no new state.
        StackPlan devData = PlanFixture.repository().stack("dev-data");
        ObjectNode root = (ObjectNode) JSON.readTree(preview(devData, "delete", inputs -> { }, List.of()));
        for (var step : root.get("steps")) {
            if (step.get("op").asText().equals("delete")) {
                ((ObjectNode) step).remove(List.of("newState", "diffReasons", "detailedDiff", "replaceReasons"));
            }
        }
        GateReport report = gate("dev-data", root.toString());

        assertThat(report.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(reasons(report)).contains("deletes RDS database `dev-db`: the data it holds is lost");
    }
}
