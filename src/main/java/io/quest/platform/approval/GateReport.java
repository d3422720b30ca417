package io.quest.platform.approval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gate found about one stack's preview.
 *
 * @param stack          the stack the preview is for
 * @param production     whether the production rule applied (every change except tags needs approval)
 * @param preview        the preview as read
 * @param reviews        one per resource the preview mentions, in the preview's order
 * @param previewReasons reasons about the preview as a whole (it failed; an engine error not tied to a listed resource)
 * @param decision       the decision before any approval: the most severe of all reasons
 * @param digest         the preview's digest, which an approval must name
 * @param approvedDigest the digest given as approval, normalised, if any
 */
public record GateReport(
        String stack,
        boolean production,
        Preview preview,
        List<ResourceReview> reviews,
        List<Reason> previewReasons,
        Decision decision,
        String digest,
        Optional<String> approvedDigest) {

    public GateReport {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(preview, "preview");
        reviews = List.copyOf(reviews);
        previewReasons = List.copyOf(previewReasons);
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(approvedDigest, "approvedDigest");
    }

    /** Whether the given approval names this preview. */
    public ApprovalStatus approval() {
        if (approvedDigest.isEmpty()) {
            return ApprovalStatus.NONE;
        }
        return approvedDigest.get().equals(digest) ? ApprovalStatus.MATCHES : ApprovalStatus.DIFFERS;
    }

    /** The decision after the approval: a matching approval turns NEEDS_APPROVAL into APPLY; nothing unblocks BLOCKED. */
    public Decision outcome() {
        if (decision == Decision.NEEDS_APPROVAL && approval() == ApprovalStatus.MATCHES) {
            return Decision.APPLY;
        }
        return decision;
    }

    /** The process exit code: 0 apply, 2 needs approval, 3 blocked. */
    public int exitCode() {
        return outcome().exitCode();
    }

    /** The reviews with the given decision. */
    public List<ResourceReview> reviewsWith(Decision wanted) {
        return reviews.stream().filter(r -> r.decision() == wanted).toList();
    }

    /** How many resources each operation touches, counted from the steps. */
    public Map<Operation, Integer> counts() {
        return preview.counts();
    }
}
