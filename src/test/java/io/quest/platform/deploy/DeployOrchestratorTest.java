package io.quest.platform.deploy;

import io.quest.platform.approval.Preview;
import io.quest.platform.approval.PreviewDigest;
import io.quest.platform.approval.PreviewParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static String digest(String previewText) {
        Preview preview = PreviewParser.parse(previewText, "test");
        return PreviewDigest.of(preview);
    }

    private static String fixture(String name) {
        try (InputStream in = DeployOrchestratorTest.class.getResourceAsStream("/preview/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final List<String> progress = new ArrayList<>();

    private DeployResult deploy(RecordedStacks stacks, Map<String, String> approvals, boolean previewOnly) {
        return new DeployOrchestrator(stacks, stacks, progress::add).deploy(List.of(), approvals, previewOnly);
    }

    @Test
    void deploysEveryStackInDependencyOrderRepreviewingJustBeforeUp() {
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", creates("dev"))
                .previews("prod", policy("prod", "s3:GetObject"));

        DeployResult result = deploy(stacks, Map.of("prod", digest(policy("prod", "s3:GetObject"))), false);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stacks()).extracting(StackOutcome::status)
                .containsExactly(StackStatus.DEPLOYED, StackStatus.DEPLOYED, StackStatus.DEPLOYED);
        assertThat(stacks.calls).containsExactly(
                "preview shared", "preview shared", "up shared",
                "preview dev", "preview dev", "up dev",
                "preview prod", "preview prod", "up prod");
        assertThat(result.stacks().get(2).message())
                .isEqualTo("deployed (approved by digest " + digest(policy("prod", "s3:GetObject")) + ")");
    }

    @Test
    void stopsAtTheFirstUnapprovedStackNamingTheMissingApproval() {
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", policy("dev", "s3:*"))
                .previews("prod", creates("prod"));
        String devDigest = digest(policy("dev", "s3:*"));

        DeployResult result = deploy(stacks, Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(stacks.calls).containsExactly("preview shared", "preview shared", "up shared", "preview dev");
        assertThat(result.stacks()).hasSize(2);
        StackOutcome dev = result.stacks().get(1);
        assertThat(dev.status()).isEqualTo(StackStatus.NEEDS_APPROVAL);
        assertThat(dev.message()).isEqualTo("needs approval: 1 change needs approval and no approval was given for dev;"
                + " after review, run again with --approve dev=" + devDigest);
        assertThat(progress).last().isEqualTo("dev: " + dev.message());
    }

    @Test
    void anApprovalForAnotherPreviewDoesNotCount() {
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", policy("dev", "s3:*"));
        String reviewed = digest(policy("dev", "s3:GetObject"));

        DeployResult result = deploy(stacks, Map.of("dev", reviewed), false);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(stacks.calls).doesNotContain("up dev");
        assertThat(result.stacks().get(1).message()).contains("the approval given for dev names " + reviewed
                + ", not this preview: it changed since it was reviewed");
    }

    @Test
    void refusesWhenThePreviewMovesBetweenTheGateAndUp() {
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", creates("dev"), policy("dev", "s3:*"))
                .previews("prod", creates("prod"));

        DeployResult result = deploy(stacks, Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(stacks.calls).containsExactly("preview shared", "preview shared", "up shared", "preview dev", "preview dev");
        StackOutcome dev = result.stacks().get(1);
        assertThat(dev.status()).isEqualTo(StackStatus.DIGEST_MOVED);
        assertThat(dev.message()).isEqualTo("refused: the preview changed just before up (gated digest "
                + digest(creates("dev")) + ", now " + digest(policy("dev", "s3:*")) + "); nothing was applied to dev;"
                + " review the new preview");
    }

    @Test
    void anApprovedStackIsRefusedWhenItsRepreviewMoves() {
        String reviewed = policy("dev", "s3:GetObject");
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", reviewed, policy("dev", "s3:*"));

        DeployResult result = deploy(stacks, Map.of("dev", digest(reviewed)), false);

        assertThat(result.stacks().get(1).status()).isEqualTo(StackStatus.DIGEST_MOVED);
        assertThat(stacks.calls).doesNotContain("up dev");
    }

    @Test
    void aBlockedStackStaysBlockedWithItsOwnDigestApproved() {
        String blocked = fixture("07-engine-events-preview-protected-deletes-fail.pulumi-lifecycletest.jsonl")
                .replace("urn:pulumi:test::", "urn:pulumi:dev::");
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", blocked)
                .previews("prod", creates("prod"));

        DeployResult result = deploy(stacks, Map.of("dev", digest(blocked)), false);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(stacks.calls).doesNotContain("up dev", "preview prod");
        assertThat(result.stacks().get(1).message()).isEqualTo("blocked: the preview failed (engine result: failed);"
                + " nothing may be applied until it succeeds; no approval can apply this preview");
    }

    @Test
    void productionNeedsApprovalForAChangeThatAppliesElsewhere() {
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", creates("dev"))
                .previews("prod", creates("prod"));

        DeployResult result = deploy(stacks, Map.of(), false);

        assertThat(result.stacks()).extracting(StackOutcome::status)
                .containsExactly(StackStatus.DEPLOYED, StackStatus.DEPLOYED, StackStatus.NEEDS_APPROVAL);
        assertThat(stacks.calls).doesNotContain("up prod");
    }

    @Test
    void previewOnlyGatesEveryStackAndAppliesNothing() {
        RecordedStacks stacks = new RecordedStacks()
                .previews("shared", creates("shared"))
                .previews("dev", policy("dev", "s3:*"))
                .previews("prod", creates("prod"));

        DeployResult result = deploy(stacks, Map.of(), true);

        assertThat(stacks.calls).containsExactly("preview shared", "preview dev", "preview prod");
        assertThat(result.stacks()).extracting(StackOutcome::status)
                .containsExactly(StackStatus.WOULD_APPLY, StackStatus.NEEDS_APPROVAL, StackStatus.NEEDS_APPROVAL);
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void aFailedUpStopsTheDeployWithExitOne() {
        RecordedStacks stacks = new RecordedStacks(Set.of("shared"))
                .previews("shared", creates("shared"))
                .previews("dev", creates("dev"));

        DeployResult result = deploy(stacks, Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stacks()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(StackStatus.FAILED);
            assertThat(outcome.message()).isEqualTo(
                    "pulumi up --yes --skip-preview --non-interactive --stack shared failed with exit 255");
        });
        assertThat(stacks.calls).doesNotContain("preview dev");
    }

    @Test
    void anUnreadablePreviewFailsTheStack() {
        RecordedStacks stacks = new RecordedStacks().previews("shared", "warning: something went wrong");

        DeployResult result = deploy(stacks, Map.of(), false);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stacks().get(0).message()).startsWith("the preview of shared line 1 is not JSON (");
    }
}
