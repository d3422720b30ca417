package io.quest.platform.deploy;

import io.quest.platform.approval.PreviewDigest;
import io.quest.platform.approval.PreviewParser;
import io.quest.platform.approval.StackCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The deploy's decisions, against a Mockito mock of {@link StackOperations}: what is previewed, applied, skipped. */
class DeployOrchestratorTest {

    /** Only creates: applies without approval outside production. */
    private static String creates(String stack) {
        return """
                {"steps": [{"op": "create", "urn": "urn:pulumi:%s::quest-platform::aws:ecs/cluster:Cluster::%s-cluster",
                  "newState": {"type": "aws:ecs/cluster:Cluster", "inputs": {"name": "%s"}}}]}
                """.formatted(stack, stack, stack);
    }

    /** An IAM policy change: needs approval. */
    private static String policy(String stack, String action) {
        return """
                {"steps": [{"op": "update", "urn": "urn:pulumi:%s::quest-platform::aws:iam/rolePolicy:RolePolicy::deploy",
                  "newState": {"type": "aws:iam/rolePolicy:RolePolicy", "inputs": {"policy": "%s"}},
                  "diffReasons": ["policy"]}]}
                """.formatted(stack, action);
    }

    /** What `pulumi preview --json` writes for a stack whose resources are all unchanged (--show-sames). */
    private static String unchanged(String stack) {
        return """
                {"steps": [{"op": "same", "urn": "urn:pulumi:%s::quest-platform::aws:ecs/cluster:Cluster::%s-cluster",
                  "oldState": {"type": "aws:ecs/cluster:Cluster", "inputs": {"name": "%s"}},
                  "newState": {"type": "aws:ecs/cluster:Cluster", "inputs": {"name": "%s"}}}],
                 "changeSummary": {"same": 1}}
                """.formatted(stack, stack, stack, stack);
    }

    private static String digest(String previewText) {
        return PreviewDigest.of(PreviewParser.parse(previewText, "test"));
    }

    private static String fixture(String name) {
        try (InputStream in = DeployOrchestratorTest.class.getResourceAsStream("/preview/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** shared, then dev (reads shared), then prod (reads shared and dev, production), as the project's stack references say. */
    private static final class ThreeStacks implements StackCatalog {
        private static final Map<String, List<String>> READS = Map.of(
                "shared", List.of(), "dev", List.of("shared"), "prod", List.of("shared", "dev"));

        @Override
        public List<String> order(List<String> requested) {
            return List.of("shared", "dev", "prod").stream()
                    .filter(s -> requested.isEmpty() || requested.contains(s)
                            || requested.stream().anyMatch(r -> READS.get(r).contains(s)))
                    .toList();
        }

        @Override
        public boolean production(String stack) {
            return stack.equals("prod");
        }
    }

    @TempDir
    Path plans;

    private final StackOperations operations = mock(StackOperations.class);
    private final List<String> progress = new ArrayList<>();

    private void previews(String stack, String json) {
        when(operations.preview(eq(stack), any())).thenReturn(PreviewRun.succeeded(json));
    }

    private Path plan(String stack) {
        return plans.resolve(stack + ".plan.json");
    }

    private DeployResult deploy(List<String> requested, Map<String, String> approvals, boolean previewOnly) {
        return new DeployOrchestrator(operations, new ThreeStacks(), plans, progress::add).deploy(requested, approvals, previewOnly);
    }

    @Test
    void appliesEachStackWithThePlanItsOneGatedPreviewSaved() {
        previews("shared", creates("shared"));
        previews("dev", creates("dev"));
        previews("prod", policy("prod", "s3:GetObject"));

        DeployResult result = deploy(List.of(), Map.of("prod", digest(policy("prod", "s3:GetObject"))), false);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stacks()).extracting(StackOutcome::status)
                .containsExactly(StackStatus.DEPLOYED, StackStatus.DEPLOYED, StackStatus.DEPLOYED);
        InOrder order = inOrder(operations);
        for (String stack : List.of("shared", "dev", "prod")) {
            order.verify(operations).preview(stack, plan(stack));
            order.verify(operations).up(stack, plan(stack));
        }
        verifyNoMoreInteractions(operations);
        assertThat(result.stacks().get(2).message())
                .isEqualTo("deployed the reviewed plan (approved by digest " + digest(policy("prod", "s3:GetObject")) + ")");
    }

    @Test
    void deployingProdAppliesProdOnlyAndChecksThatTheStacksItReadsAreDeployed() {
        when(operations.outputs("shared")).thenReturn(Set.of("devDeployRoleArn", "prodDeployRoleArn"));
        when(operations.outputs("dev")).thenReturn(Set.of("imageDigest"));
        previews("prod", creates("prod"));

        DeployResult result = deploy(List.of("prod"), Map.of("prod", digest(creates("prod"))), false);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stacks()).extracting(StackOutcome::stack, StackOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shared", StackStatus.READ_ONLY),
                org.assertj.core.groups.Tuple.tuple("dev", StackStatus.READ_ONLY),
                org.assertj.core.groups.Tuple.tuple("prod", StackStatus.DEPLOYED));
        verify(operations, never()).preview(eq("shared"), any());
        verify(operations, never()).preview(eq("dev"), any());
        verify(operations, never()).up(eq("shared"), any());
        verify(operations, never()).up(eq("dev"), any());
        verify(operations).up("prod", plan("prod"));
        assertThat(result.stacks().get(1).message()).isEqualTo("read only, not previewed or applied: prod reads dev and"
                + " expects it deployed already; it has 1 output; deploy it with `deploy dev` when it changes");
        assertThat(result.stacks().get(0).message()).contains("prod reads shared", "it has 2 outputs");
    }

    @Test
    void aReadStackWithoutOutputsStopsTheDeployBeforeAnyPreview() {
        when(operations.outputs("shared")).thenReturn(Set.of("devDeployRoleArn"));
        when(operations.outputs("dev")).thenReturn(Set.of());

        DeployResult result = deploy(List.of("prod"), Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stacks()).hasSize(2).last().satisfies(dev -> {
            assertThat(dev.status()).isEqualTo(StackStatus.FAILED);
            assertThat(dev.message()).isEqualTo("prod reads dev, which must be deployed first, but it has no outputs"
                    + " (never deployed?); nothing was applied; deploy dev first (deploy dev)");
        });
        verify(operations, never()).preview(anyString(), any());
        verify(operations, never()).up(anyString(), any());
    }

    @Test
    void aMissingReadStackNamesTheCause() {
        when(operations.outputs("shared")).thenThrow(new StackOperationException("no stack shared in the backend this project is logged in to"));

        DeployResult result = deploy(List.of("dev"), Map.of(), false);

        assertThat(result.stacks()).singleElement().satisfies(shared -> {
            assertThat(shared.status()).isEqualTo(StackStatus.FAILED);
            assertThat(shared.message()).isEqualTo("dev reads shared, which must be deployed first, but its outputs cannot be"
                    + " read: no stack shared in the backend this project is logged in to; nothing was applied;"
                    + " deploy shared first (deploy shared)");
        });
        verify(operations, never()).preview(anyString(), any());
    }

    @Test
    void aStaleDigestIsRefused() {
        String reviewed = policy("prod", "s3:GetObject");
        when(operations.outputs(anyString())).thenReturn(Set.of("out"));
        previews("prod", policy("prod", "s3:*"));

        DeployResult result = deploy(List.of("prod"), Map.of("prod", digest(reviewed)), false);

        assertThat(result.exitCode()).isEqualTo(2);
        StackOutcome prod = result.stacks().get(2);
        assertThat(prod.status()).isEqualTo(StackStatus.NEEDS_APPROVAL);
        assertThat(prod.message()).isEqualTo("needs approval: 1 change needs approval and the approval given for prod names "
                + digest(reviewed) + ", not this preview: it is stale, the preview changed since it was reviewed;"
                + " nothing was applied to prod; after review, run again with --approve prod=" + digest(policy("prod", "s3:*")));
        verify(operations, never()).up(anyString(), any());
    }

    @Test
    void stopsAtTheFirstUnapprovedStackNamingTheMissingApproval() {
        previews("shared", creates("shared"));
        previews("dev", policy("dev", "s3:*"));

        DeployResult result = deploy(List.of(), Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stacks()).extracting(StackOutcome::status).containsExactly(StackStatus.DEPLOYED, StackStatus.NEEDS_APPROVAL);
        assertThat(result.stacks().get(1).message()).isEqualTo("needs approval: 1 change needs approval and no approval was"
                + " given for dev; nothing was applied to dev; after review, run again with --approve dev=" + digest(policy("dev", "s3:*")));
        verify(operations, never()).up(eq("dev"), any());
        verify(operations, never()).preview(eq("prod"), any());
        assertThat(progress).last().isEqualTo("dev: " + result.stacks().get(1).message());
    }

    @Test
    void aPreviewThatExitedNonZeroIsRefusedEvenWhenItsDigestIsApproved() {
        String json = creates("dev");
        when(operations.outputs("shared")).thenReturn(Set.of("out"));
        when(operations.preview(eq("dev"), any())).thenReturn(PreviewRun.failed(json, "pulumi preview exited non-zero: error: update failed"));

        DeployResult result = deploy(List.of("dev"), Map.of("dev", digest(json)), false);

        assertThat(result.exitCode()).isEqualTo(3);
        StackOutcome dev = result.stacks().get(1);
        assertThat(dev.status()).isEqualTo(StackStatus.PREVIEW_FAILED);
        assertThat(dev.message()).isEqualTo("refused: the preview failed (pulumi preview exited non-zero: error: update failed);"
                + " nothing was applied to dev; no approval can apply a failed preview");
        assertThat(dev.report()).isPresent();
        verify(operations, never()).up(anyString(), any());
    }

    @Test
    void aPreviewWithAnErrorDiagnosticIsRefusedThoughItExitedZero() {
        String json = """
                {"steps": [{"op": "create", "urn": "urn:pulumi:dev::quest-platform::aws:ecs/cluster:Cluster::c",
                  "newState": {"type": "aws:ecs/cluster:Cluster", "inputs": {"name": "c"}}}],
                 "diagnostics": [{"message": "error: program failed", "severity": "error"}]}
                """;
        when(operations.outputs("shared")).thenReturn(Set.of("out"));
        previews("dev", json);

        DeployResult result = deploy(List.of("dev"), Map.of(), false);

        assertThat(result.stacks().get(1).status()).isEqualTo(StackStatus.PREVIEW_FAILED);
        assertThat(result.stacks().get(1).message()).startsWith("refused: the preview failed (1 error diagnostic (see the report))");
        verify(operations, never()).up(anyString(), any());
    }

    @Test
    void aFailedEnginePreviewIsRefusedWithItsOwnDigestApproved() {
        String failed = fixture("07-engine-events-preview-protected-deletes-fail.pulumi-lifecycletest.jsonl")
                .replace("urn:pulumi:test::", "urn:pulumi:dev::");
        previews("shared", creates("shared"));
        previews("dev", failed);

        DeployResult result = deploy(List.of(), Map.of("dev", digest(failed)), false);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stacks().get(1).status()).isEqualTo(StackStatus.PREVIEW_FAILED);
        assertThat(result.stacks().get(1).message()).contains("engine result: failed");
        verify(operations, never()).up(eq("dev"), any());
        verify(operations, never()).preview(eq("prod"), any());
    }

    @Test
    void aFailedPreviewWithoutReadableOutputFailsTheStackWithTheCliError() {
        when(operations.preview(eq("shared"), any())).thenReturn(PreviewRun.failed("", "pulumi preview exited non-zero: error: no credentials"));

        DeployResult result = deploy(List.of("shared"), Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stacks().get(0).message()).isEqualTo("the preview of shared failed before writing a readable"
                + " preview (pulumi preview exited non-zero: error: no credentials); nothing was applied to shared");
        verify(operations, never()).up(anyString(), any());
    }

    @Test
    void unchangedStacksAreSkippedAndTheDeployGoesOn() {
        previews("shared", unchanged("shared"));
        previews("dev", "{\"steps\": [], \"changeSummary\": {\"same\": 12}}");
        previews("prod", creates("prod"));

        DeployResult result = deploy(List.of(), Map.of("prod", digest(creates("prod"))), false);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stacks()).extracting(StackOutcome::status)
                .containsExactly(StackStatus.UNCHANGED, StackStatus.UNCHANGED, StackStatus.DEPLOYED);
        assertThat(result.stacks().get(0).message()).isEqualTo("unchanged: the preview shows no resource changes; up skipped");
        verify(operations, never()).up(eq("shared"), any());
        verify(operations, never()).up(eq("dev"), any());
        verify(operations, times(1)).up("prod", plan("prod"));
    }

    @Test
    void aPreviewOfAnotherStackIsRefused() {
        previews("shared", creates("prod"));

        DeployResult result = deploy(List.of("shared"), Map.of(), false);

        assertThat(result.stacks().get(0).status()).isEqualTo(StackStatus.FAILED);
        assertThat(result.stacks().get(0).message()).startsWith("the preview run for shared is a preview of stack prod;"
                + " nothing was applied");
        verify(operations, never()).up(anyString(), any());
    }

    @Test
    void previewOnlyGatesEveryRequestedStackAndAppliesNothing() {
        previews("shared", creates("shared"));
        previews("dev", policy("dev", "s3:*"));
        previews("prod", unchanged("prod"));

        DeployResult result = deploy(List.of(), Map.of(), true);

        assertThat(result.stacks()).extracting(StackOutcome::status)
                .containsExactly(StackStatus.WOULD_APPLY, StackStatus.NEEDS_APPROVAL, StackStatus.UNCHANGED);
        assertThat(result.exitCode()).isEqualTo(2);
        verify(operations, never()).up(anyString(), any());
    }

    @Test
    void aFailedUpStopsTheDeployWithExitOne() {
        previews("shared", creates("shared"));
        doThrow(new StackOperationException("pulumi up --plan shared.plan.json failed for shared; the update stopped where"
                + " it failed or left the reviewed plan: error: create is not allowed by the plan"))
                .when(operations).up(eq("shared"), any());

        DeployResult result = deploy(List.of(), Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stacks()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(StackStatus.FAILED);
            assertThat(outcome.message()).endsWith("error: create is not allowed by the plan");
        });
        verify(operations, never()).preview(eq("dev"), any());
    }

    @Test
    void anUnreadablePreviewFailsTheStack() {
        previews("shared", "warning: something went wrong");

        DeployResult result = deploy(List.of(), Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stacks().get(0).message()).startsWith("the preview of shared line 1 is not JSON (");
    }

    @Test
    void changesAreCountedByTheEnginesRuleFromTheStepsAndFromItsSummary() {
        assertThat(DeployOrchestrator.hasChanges(PreviewParser.parse(unchanged("dev"), "t"))).isFalse();
        assertThat(DeployOrchestrator.hasChanges(PreviewParser.parse(
                "{\"steps\": [], \"changeSummary\": {\"same\": 3, \"read\": 2}}", "t"))).isFalse();
        assertThat(DeployOrchestrator.hasChanges(PreviewParser.parse(creates("dev"), "t"))).isTrue();
        assertThat(DeployOrchestrator.hasChanges(PreviewParser.parse(
                "{\"steps\": [], \"changeSummary\": {\"same\": 3, \"delete\": 1}}", "t"))).isTrue();
    }
}
