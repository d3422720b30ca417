package io.quest.platform.deploy;

import io.quest.platform.approval.Decision;
import io.quest.platform.approval.Gate;
import io.quest.platform.approval.GateReport;
import io.quest.platform.approval.Preview;
import io.quest.platform.approval.PreviewFormatException;
import io.quest.platform.approval.PreviewParser;
import io.quest.platform.approval.Reason;
import io.quest.platform.approval.StackCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Deploys stacks in dependency order, each only when its reviewed preview allows it:
 * <ol>
 *   <li>preview the stack and run the {@link Gate} on it, with the approval given for that stack;</li>
 *   <li>stop at a stack that is blocked or needs an approval naming its digest, saying which approval is missing;</li>
 *   <li>re-preview immediately before {@code up}, and refuse if the digest moved from the gated preview;</li>
 *   <li>run {@code up}, and go on to the next stack.</li>
 * </ol>
 * With {@code previewOnly} every stack is previewed and gated, nothing is applied, and no stack stops the others.
 */
public final class DeployOrchestrator {

    private final StackOperations operations;
    private final StackCatalog catalog;
    private final Consumer<String> progress;

    public DeployOrchestrator(StackOperations operations, StackCatalog catalog, Consumer<String> progress) {
        this.operations = operations;
        this.catalog = catalog;
        this.progress = progress;
    }

    /**
     * Runs the deploy.
     *
     * @param requested   stacks to deploy (every stack when empty); the stacks they read are included and go first
     * @param approvals   approved digest per stack
     * @param previewOnly preview and gate only, never {@code up}
     */
    public DeployResult deploy(List<String> requested, Map<String, String> approvals, boolean previewOnly) {
        List<StackOutcome> outcomes = new ArrayList<>();
        for (String stack : catalog.order(requested)) {
            StackOutcome outcome = previewOnly ? previewOnly(stack, approvals) : deployOne(stack, approvals);
            progress.accept(stack + ": " + outcome.message());
            outcomes.add(outcome);
            if (!previewOnly && !outcome.status().proceeds()) {
                break;
            }
        }
        return new DeployResult(outcomes);
    }

    private StackOutcome previewOnly(String stack, Map<String, String> approvals) {
        GateReport report;
        try {
            report = gate(stack, approvals);
        } catch (StackOperationException | PreviewFormatException e) {
            return new StackOutcome(stack, StackStatus.FAILED, Optional.empty(), e.getMessage());
        }
        StackOutcome stop = stopUnlessApplies(stack, report);
        return stop != null ? stop
                : new StackOutcome(stack, StackStatus.WOULD_APPLY, Optional.of(report), applyMessage(report, "would apply"));
    }

    private StackOutcome deployOne(String stack, Map<String, String> approvals) {
        try {
            GateReport reviewed = gate(stack, approvals);
            StackOutcome stop = stopUnlessApplies(stack, reviewed);
            if (stop != null) {
                return stop;
            }
            GateReport fresh = gate(stack, approvals);
            if (!fresh.digest().equals(reviewed.digest())) {
                return new StackOutcome(stack, StackStatus.DIGEST_MOVED, Optional.of(fresh),
                        "refused: the preview changed just before up (gated digest " + reviewed.digest() + ", now "
                                + fresh.digest() + "); nothing was applied to " + stack + "; review the new preview");
            }
            stop = stopUnlessApplies(stack, fresh);
            if (stop != null) {
                return stop;
            }
            operations.up(stack);
            return new StackOutcome(stack, StackStatus.DEPLOYED, Optional.of(fresh), applyMessage(fresh, "deployed"));
        } catch (StackOperationException | PreviewFormatException e) {
            return new StackOutcome(stack, StackStatus.FAILED, Optional.empty(), e.getMessage());
        }
    }

    private GateReport gate(String stack, Map<String, String> approvals) {
        Preview preview = PreviewParser.parse(operations.preview(stack), "the preview of " + stack);
        return Gate.review(preview, stack, catalog.production(stack), Optional.ofNullable(approvals.get(stack)));
    }

    /** The outcome that stops this stack, or null when its preview may be applied. */
    private static StackOutcome stopUnlessApplies(String stack, GateReport report) {
        return switch (report.outcome()) {
            case APPLY -> null;
            case BLOCKED -> new StackOutcome(stack, StackStatus.BLOCKED, Optional.of(report),
                    "blocked: " + firstBlockingReason(report) + "; no approval can apply this preview");
            case NEEDS_APPROVAL -> new StackOutcome(stack, StackStatus.NEEDS_APPROVAL, Optional.of(report),
                    missingApproval(stack, report));
        };
    }

    private static String missingApproval(String stack, GateReport report) {
        int count = report.reviewsWith(Decision.NEEDS_APPROVAL).size();
        String what = count + " change" + (count == 1 ? " needs" : "s need") + " approval";
        String given = switch (report.approval()) {
            case NONE -> "no approval was given for " + stack;
            case DIFFERS -> "the approval given for " + stack + " names " + report.approvedDigest().orElseThrow()
                    + ", not this preview: it changed since it was reviewed";
            case MATCHES -> "";
        };
        return "needs approval: " + what + " and " + given + "; after review, run again with --approve "
                + stack + "=" + report.digest();
    }

    private static String firstBlockingReason(GateReport report) {
        if (!report.previewReasons().isEmpty()) {
            return report.previewReasons().get(0).text();
        }
        return report.reviewsWith(Decision.BLOCKED).stream()
                .flatMap(r -> r.reasons().stream())
                .filter(r -> r.decision() == Decision.BLOCKED)
                .map(Reason::text)
                .findFirst()
                .orElse("the gate blocked the preview");
    }

    private static String applyMessage(GateReport report, String verb) {
        String how = report.decision() == Decision.NEEDS_APPROVAL ? " (approved by digest " + report.digest() + ")" : "";
        return verb + how;
    }
}
