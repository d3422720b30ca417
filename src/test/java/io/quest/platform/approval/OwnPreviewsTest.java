package io.quest.platform.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate on previews of the platform's own stacks, built from the offline plan of the repository's stack files:
 * a first deploy (every resource created), a re-deploy with nothing changed, and hand-made changes.
 */
class OwnPreviewsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A {@code pulumi preview --json} of the stack, each resource with the op the function gives it. */
    private static String preview(StackPlan stack, Function<PlannedResource, String> op) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        for (PlannedResource resource : stack.resources()) {
            ObjectNode state = JSON.createObjectNode();
            state.put("urn", resource.urn());
            state.put("type", resource.type());
            state.put("custom", resource.custom());
            state.put("protect", resource.protect());
            state.set("inputs", JSON.valueToTree(resource.inputs()));
            ObjectNode step = steps.addObject();
            String stepOp = op.apply(resource);
            step.put("op", stepOp);
            step.put("urn", resource.urn());
            if (!stepOp.equals("create")) {
                step.set("oldState", state.deepCopy());
            }
            step.set("newState", state);
        }
        return root.toString();
    }

    private static GateReport gate(String stack, String previewJson) {
        boolean production = stack.equals("prod");
        return Gate.review(PreviewParser.parse(previewJson, stack), stack, production, Optional.empty());
    }

    private static StackPlan stack(String name) {
        return PlanFixture.repository().stack(name);
    }

    @Test
    void aFirstDeployOfEveryStackNeedsApprovalAndNothingIsBlocked() {
        for (String name : List.of("shared", "dev", "prod")) {
            GateReport report = gate(name, preview(stack(name), r -> "create"));

            assertThat(report.reviewsWith(Decision.BLOCKED)).as(name).isEmpty();
            assertThat(report.previewReasons()).as(name).isEmpty();
        }
        assertThat(gate("dev", preview(stack("dev"), r -> "create")).decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(gate("prod", preview(stack("prod"), r -> "create")).decision()).isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void inDevOnlySecurityControlCreatesNeedApproval() {
        GateReport report = gate("dev", preview(stack("dev"), r -> "create"));

        List<ResourceReview> flagged = report.reviewsWith(Decision.NEEDS_APPROVAL);
        assertThat(flagged).isNotEmpty().allSatisfy(review -> assertThat(ControlArea.of(review.change()))
                .hasValueSatisfying(area -> assertThat(area).isIn(ControlArea.IAM, ControlArea.SECURITY_GROUP, ControlArea.NETWORK_ACL, ControlArea.KMS_KEY_POLICY,
                        ControlArea.CLOUDTRAIL, ControlArea.CONFIG, ControlArea.THREAT_DETECTION, ControlArea.WEB_FIREWALL,
                        ControlArea.RESOURCE_POLICY)));
        assertThat(flagged).extracting(r -> r.change().name())
                .contains("dev-flow-logs-role", "dev-default-sg", "dev-web-logs-key", "dev-trail", "dev-config-recorder",
                        "dev-guardduty-eu-west-1", "dev-security-hub-eu-west-1-fsbp");
        assertThat(report.reviews()).filteredOn(r -> r.change().type().equals("aws:ec2/vpc:Vpc"))
                .singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo(Decision.APPLY));
    }

    @Test
    void thePlatformsOwnPoliciesLetNobodyInAndItsFirstDeployWeakensNothing() {
        for (String name : List.of("shared", "dev", "prod")) {
            GateReport report = gate(name, preview(stack(name), r -> "create"));

            List<ResourceChange> changes = report.reviews().stream().map(ResourceReview::change).toList();
            assertThat(changes).as(name).hasSizeGreaterThan(50);
            assertThat(changes).as(name).allSatisfy(change -> {
                assertThat(PublicAccess.reasons(change)).as(change.name()).isEmpty();
                assertThat(InternetIngress.forbiddenOpenings(change)).as(change.name()).isEmpty();
            });
            assertThat(NetworkAcls.openings(changes)).as(name).isEmpty();
            assertThat(InternetIngress.jointOpenings(changes)).as(name).isEmpty();
        }
    }

    @Test
    void inProdEveryResourceCreateNeedsApproval() {
        GateReport report = gate("prod", preview(stack("prod"), r -> "create"));

        List<ResourceReview> custom = report.reviews().stream()
                .filter(r -> !r.change().type().startsWith("quest:") && !r.change().type().equals("pulumi:pulumi:Stack"))
                .toList();
        assertThat(custom).isNotEmpty()
                .allSatisfy(r -> assertThat(r.decision()).as(r.change().name()).isEqualTo(Decision.NEEDS_APPROVAL));
    }

    @Test
    void aRedeployWithNothingChangedAppliesInEveryStackIncludingProd() {
        for (String name : List.of("shared", "dev", "prod")) {
            GateReport report = gate(name, preview(stack(name), r -> "same"));

            assertThat(report.decision()).as(name).isEqualTo(Decision.APPLY);
            assertThat(report.exitCode()).as(name).isZero();
        }
    }

    @Test
    void openingSshFromTheInternetOnTheEndpointSecurityGroupIsBlocked() {
        StackPlan prod = stack("prod");
        PlannedResource sg = prod.ofType("aws:ec2/securityGroup:SecurityGroup").stream()
                .filter(r -> r.name().equals("prod-endpoints-sg")).findFirst().orElseThrow();
        ObjectNode newInputs = JSON.valueToTree(sg.inputs());
        newInputs.withArray("ingress").addObject().put("protocol", "tcp").put("fromPort", 22).put("toPort", 22)
                .putArray("cidrBlocks").add("0.0.0.0/0");
        String json = """
                {"steps": [{"op": "update", "urn": "%s", "diffReasons": ["ingress"],
                  "oldState": {"type": "%s", "inputs": %s}, "newState": {"type": "%s", "inputs": %s}}]}
                """.formatted(sg.urn(), sg.type(), JSON.valueToTree(sg.inputs()), sg.type(), newInputs);

        GateReport report = gate("prod", json);

        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.reviews().get(0).reasons()).extracting(Reason::text).contains(
                "opens tcp 22 from 0.0.0.0/0 on `prod-endpoints-sg`; only the load balancer may take TCP 80/443 from the internet");
    }

    @Test
    void aTagOnlyChangeAppliesInProd() {
        PlannedResource vpc = stack("prod").ofType("aws:ec2/vpc:Vpc").get(0);
        String json = """
                {"steps": [{"op": "update", "urn": "%s", "diffReasons": ["tags", "tagsAll"],
                  "detailedDiff": {"tags.owner": {"kind": "update"}, "tagsAll.owner": {"kind": "update"}},
                  "newState": {"type": "%s", "inputs": %s}}]}
                """.formatted(vpc.urn(), vpc.type(), JSON.valueToTree(Map.of("tags", Map.of("owner", "web-team"))));

        assertThat(gate("prod", json).exitCode()).isZero();
    }
}
