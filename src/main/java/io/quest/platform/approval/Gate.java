package io.quest.platform.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a stack's preview may be applied: classifies every change by {@link ApprovalRules}, blocks a
 * preview the engine reports as failed, and checks an approval against the preview's {@link PreviewDigest}.
 */
public final class Gate {

    private Gate() {
    }

    /**
     * Reviews a preview.
     *
     * @param preview        the parsed preview
     * @param stack          the stack it is for
     * @param production     whether every change except tags needs approval
     * @param approvedDigest the digest a reviewer approved, if any (any accepted spelling, see {@link PreviewDigest#normalise})
     */
    public static GateReport review(Preview preview, String stack, boolean production, Optional<String> approvedDigest) {
        Map<String, List<Reason>> engineErrors = new LinkedHashMap<>();
        List<Reason> previewReasons = new ArrayList<>();
        if (preview.failed()) {
            previewReasons.add(Reason.blocked("the preview failed (engine result: "
                    + preview.result().orElse("error diagnostics") + "); nothing may be applied until it succeeds"));
        }
        for (Diagnostic diagnostic : preview.diagnostics()) {
            if (!diagnostic.isError() || diagnostic.message().equalsIgnoreCase("preview failed")) {
                continue;
            }
            Reason reason = Reason.blocked("engine error: " + oneLine(diagnostic.message()));
            if (diagnostic.urn().isPresent()) {
                engineErrors.computeIfAbsent(diagnostic.urn().get(), u -> new ArrayList<>()).add(reason);
            } else {
                previewReasons.add(reason);
            }
        }

        List<ResourceReview> reviews = new ArrayList<>();
        Decision decision = ApprovalRules.decide(previewReasons);
        for (ResourceChange change : preview.changes()) {
            List<Reason> reasons = new ArrayList<>(ApprovalRules.reasons(change, production));
            List<Reason> errors = engineErrors.remove(change.urn().value());
            if (errors != null) {
                reasons.addAll(errors);
            }
            Decision resourceDecision = ApprovalRules.decide(reasons);
            reviews.add(new ResourceReview(change, resourceDecision, reasons));
            decision = decision.worst(resourceDecision);
        }
        // Errors about resources the preview lists no step for (a failed --json preview may list none).
        engineErrors.forEach((urn, reasons) -> reasons.forEach(r ->
                previewReasons.add(Reason.blocked(r.text() + " [" + urn + "]"))));
        decision = decision.worst(ApprovalRules.decide(previewReasons));

        return new GateReport(stack, production, preview, reviews, previewReasons, decision,
                PreviewDigest.of(preview), approvedDigest.map(PreviewDigest::normalise));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
