package io.quest.platform.approval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GateTest {

    private static GateReport review(String fixture, String stack) {
        return Gate.review(Fixtures.preview(fixture), stack, false, Optional.empty());
    }

    private static ResourceReview reviewOf(GateReport report, String type, String name) {
        List<ResourceReview> matches = report.reviews().stream()
                .filter(r -> r.change().type().equals(type) && r.change().name().equals(name))
                .toList();
        assertThat(matches).as("reviews of %s %s", type, name).hasSize(1);
        return matches.get(0);
    }

    private static List<String> texts(ResourceReview review) {
        return review.reasons().stream().map(Reason::text).toList();
    }

    @Test
    void deletesNeedApprovalAndNothingIsBlocked() {
        GateReport report = review(Fixtures.DELETES, "dev");

        assertThat(report.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.previewReasons()).isEmpty();
        assertThat(report.reviewsWith(Decision.BLOCKED)).isEmpty();
        assertThat(report.reviewsWith(Decision.NEEDS_APPROVAL)).hasSize(14);
        assertThat(report.reviewsWith(Decision.APPLY)).hasSize(2)
                .allSatisfy(r -> assertThat(r.change().operation()).isEqualTo(Operation.SAME));
    }

    @Test
    void deletingAnIamRoleIsBothADeleteAndAnIamChange() {
        ResourceReview role = reviewOf(review(Fixtures.DELETES, "dev"), "aws:iam/role:Role", "docsHandler");

        assertThat(texts(role)).containsExactly(
                "deletes aws:iam/role:Role `docsHandler`",
                "changes IAM: delete aws:iam/role:Role `docsHandler`");
    }

    @Test
    void deletingALambdaIsNotWordedAsDataLoss() {
        ResourceReview function = reviewOf(review(Fixtures.DELETES, "dev"), "aws:lambda/function:Function", "docsHandler");

        assertThat(function.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(texts(function)).containsExactly("deletes aws:lambda/function:Function `docsHandler`");
    }

    @Test
    void securityGroupReplacementAndIamInlinePolicyUpdateNeedApprovalButTagsDoNot() {
        GateReport report = review(Fixtures.SG_REPLACE, "test-b5f8ac54");

        assertThat(report.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(report.reviewsWith(Decision.NEEDS_APPROVAL)).extracting(r -> r.change().name())
                .containsExactly("test-role", "test-sg");

        ResourceReview sg = reviewOf(report, "aws:ec2/securityGroup:SecurityGroup", "test-sg");
        assertThat(sg.change().operation()).isEqualTo(Operation.REPLACE);
        assertThat(texts(sg)).containsExactly(
                "replaces `test-sg` (delete and create) because description changed",
                "changes a security group: replace aws:ec2/securityGroup:SecurityGroup `test-sg`");

        ResourceReview role = reviewOf(report, "aws:iam/role:Role", "test-role");
        assertThat(texts(role)).containsExactly(
                "changes IAM: update aws:iam/role:Role `test-role` (inlinePolicies[0].policy)");

        assertThat(reviewOf(report, "aws:s3/bucket:Bucket", "test-bucket").decision()).isEqualTo(Decision.APPLY);
        assertThat(reviewOf(report, "aws:s3/bucketVersioningV2:BucketVersioningV2", "test-bucket-versioning").decision())
                .isEqualTo(Decision.APPLY);
    }

    @Test
    void internetHttpsThatWasAlreadyOpenIsNotANewOpening() {
        ResourceReview sg = reviewOf(review(Fixtures.SG_REPLACE, "test-b5f8ac54"),
                "aws:ec2/securityGroup:SecurityGroup", "test-sg");

        assertThat(InternetIngress.forbiddenOpenings(sg.change())).isEmpty();
        assertThat(sg.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void protectedReplacementFailsThePreviewAndIsBlocked() {
        GateReport report = review(Fixtures.PROTECTED_REPLACE, "test");

        assertThat(report.decision()).isEqualTo(Decision.BLOCKED);
        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.previewReasons()).extracting(Reason::text).containsExactly(
                "the preview failed (engine result: failed); nothing may be applied until it succeeds");
        ResourceReview resA = reviewOf(report, "pkgA:m:typA", "resA");
        assertThat(resA.change().operation()).isEqualTo(Operation.REPLACE);
        assertThat(resA.decision()).isEqualTo(Decision.BLOCKED);
        assertThat(texts(resA)).contains(
                "protected resource `resA` would be replaced; the engine refuses until `protect` is removed from the program")
                .anySatisfy(text -> assertThat(text).startsWith("engine error: unable to replace resource"));
    }

    @Test
    void protectedDeletesAreBlockedThoughTheEngineSummaryDoesNotCountThem() {
        GateReport report = review(Fixtures.PROTECTED_DELETES, "test");

        assertThat(report.preview().engineSummary()).containsExactly(Map.entry("same", 1));
        assertThat(report.preview().result()).contains("failed");
        assertThat(report.counts()).containsEntry(Operation.DELETE, 2).containsEntry(Operation.SAME, 1);
        assertThat(report.decision()).isEqualTo(Decision.BLOCKED);
        assertThat(report.reviewsWith(Decision.BLOCKED)).extracting(r -> r.change().name())
                .containsExactly("resA", "resB");
        assertThat(texts(reviewOf(report, "pkgA:m:typA", "resB"))).containsExactly(
                "protected resource `resB` would be deleted; the engine refuses until `protect` is removed from the program",
                "deletes pkgA:m:typA `resB`",
                "engine error: Preview failed: resource \"urn:pulumi:test::test::pkgA:m:typA::resB\" cannot be deleted"
                        + " because it is protected. To unprotect the resource, either remove the `protect` flag from the"
                        + " resource in your Pulumi program and run `pulumi up`, or use the command:"
                        + " `pulumi state unprotect 'urn:pulumi:test::test::pkgA:m:typA::resB'`");
    }

    @Test
    void aFailedPreviewWithoutStepsIsBlockedByItsDiagnostics() {
        String json = """
                {"steps": [], "diagnostics": [{"urn": "urn:pulumi:dev::p::aws:s3/bucket:Bucket::logs",
                  "message": "<{%reset%}>cannot be deleted because it is protected<{%reset%}>\\n", "severity": "error"}],
                 "changeSummary": {}}
                """;
        GateReport report = Gate.review(PreviewParser.parse(json, "failed.json"), "dev", false, Optional.empty());

        assertThat(report.decision()).isEqualTo(Decision.BLOCKED);
        assertThat(report.previewReasons()).extracting(Reason::text).containsExactly(
                "the preview failed (engine result: error diagnostics); nothing may be applied until it succeeds",
                "engine error: cannot be deleted because it is protected [urn:pulumi:dev::p::aws:s3/bucket:Bucket::logs]");
    }

    @Test
    void approvalWithThePreviewsDigestLetsItApply() {
        String digest = review(Fixtures.DELETES, "dev").digest();

        GateReport approved = Gate.review(Fixtures.preview(Fixtures.DELETES), "dev", false, Optional.of(digest));

        assertThat(approved.approval()).isEqualTo(ApprovalStatus.MATCHES);
        assertThat(approved.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(approved.outcome()).isEqualTo(Decision.APPLY);
        assertThat(approved.exitCode()).isZero();
    }

    @Test
    void approvalWithAnotherDigestKeepsNeedsApproval() {
        String otherDigest = review(Fixtures.SG_REPLACE, "dev").digest();

        GateReport report = Gate.review(Fixtures.preview(Fixtures.DELETES), "dev", false, Optional.of(otherDigest));

        assertThat(report.approval()).isEqualTo(ApprovalStatus.DIFFERS);
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    void blockedStaysBlockedWhateverTheApproval() {
        String ownDigest = review(Fixtures.PROTECTED_DELETES, "test").digest();

        GateReport report = Gate.review(Fixtures.preview(Fixtures.PROTECTED_DELETES), "test", false, Optional.of(ownDigest));

        assertThat(report.approval()).isEqualTo(ApprovalStatus.MATCHES);
        assertThat(report.outcome()).isEqualTo(Decision.BLOCKED);
        assertThat(report.exitCode()).isEqualTo(3);
    }

    @Test
    void aPreviewOfOnlyCreatesAndTagUpdatesApplies() {
        String json = """
                {"steps": [
                  {"op": "create", "urn": "urn:pulumi:dev::p::aws:ecs/cluster:Cluster::dev-cluster",
                   "newState": {"type": "aws:ecs/cluster:Cluster", "inputs": {"name": "dev"}}},
                  {"op": "update", "urn": "urn:pulumi:dev::p::aws:iam/role:Role::task",
                   "newState": {"type": "aws:iam/role:Role", "inputs": {"tags": {"Owner": "web"}}},
                   "diffReasons": ["tags"], "detailedDiff": {"tags.Owner": {"kind": "update"}}}]}
                """;
        GateReport report = Gate.review(PreviewParser.parse(json, "creates.json"), "dev", false, Optional.empty());

        assertThat(report.decision()).isEqualTo(Decision.APPLY);
        assertThat(report.exitCode()).isZero();
        assertThat(report.reviews()).hasSize(2).allSatisfy(r -> assertThat(r.reasons()).isEmpty());
    }
}
