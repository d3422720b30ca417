package io.quest.platform.deploy;

import io.quest.platform.approval.Decision;
import io.quest.platform.approval.GateReport;
import io.quest.platform.approval.Reason;

import java.util.Optional;

/** The one-sentence messages for a gated stack: what happened, and what to do next when it stopped. */
final class OutcomeMessages {

    private OutcomeMessages() {
    }

    /** The outcome that stops this stack, or null when its preview may be applied. */
    static StackOutcome stopUnlessApplies(String stack, GateReport report) {
        return switch (report.outcome()) {
            case APPLY -> null;
            case BLOCKED -> new StackOutcome(stack, StackStatus.BLOCKED, Optional.of(report),
                    "blocked: " + firstBlockingReason(report) + "; no approval can apply this preview");
            case NEEDS_APPROVAL -> new StackOutcome(stack, StackStatus.NEEDS_APPROVAL, Optional.of(report),
                    missingApproval(stack, report));
        };
    }

    static String applied(GateReport report, String verb) {
        String how = report.decision() == Decision.NEEDS_APPROVAL ? " (approved by digest " + report.digest() + ")" : "";
        return verb + how;
    }

    private static String missingApproval(String stack, GateReport report) {
        int count = report.reviewsWith(Decision.NEEDS_APPROVAL).size();
        String what = count + " change" + (count == 1 ? " needs" : "s need") + " approval";
        String given = switch (report.approval()) {
            case NONE -> "no approval was given for " + stack;
            case DIFFERS -> "the approval given for " + stack + " names " + report.approvedDigest().orElseThrow()
                    + ", not this preview: it is stale, the preview changed since it was reviewed";
            case MATCHES -> "";
        };
        return "needs approval: " + what + " and " + given + "; nothing was applied to " + stack
                + "; after review, run again with --approve " + stack + "=" + report.digest();
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
}
