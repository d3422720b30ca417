package io.quest.platform.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a stack's preview may be applied: classifies every change by {@link ApprovalRules} and the rules that
 * look across resources ({@link InternetIngress#jointOpenings}, {@link NetworkAcls}), blocks a preview the engine
 * reports as failed, unfinished, or counting changes its steps do not show, weighs policy findings, and checks an
 * approval against the preview's {@link PreviewDigest}.
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
        Map<String, List<Reason>> byUrn = new LinkedHashMap<>();
        List<Reason> previewReasons = new ArrayList<>(PreviewChecks.reasons(preview));
        for (Diagnostic diagnostic : preview.diagnostics()) {
            if (!diagnostic.isError() || diagnostic.message().equalsIgnoreCase("preview failed")) {
                continue;
            }
            Reason reason = Reason.blocked("engine error: " + oneLine(diagnostic.message()));
            if (diagnostic.urn().isPresent()) {
                byUrn.computeIfAbsent(diagnostic.urn().get(), u -> new ArrayList<>()).add(reason);
            } else {
                previewReasons.add(reason);
            }
        }
        for (PolicyFinding finding : preview.policyFindings()) {
            if (finding.decision() == Decision.APPLY) {
                continue;
            }
            if (finding.urn().isPresent()) {
                byUrn.computeIfAbsent(finding.urn().get(), u -> new ArrayList<>()).add(finding.reason());
            } else {
                previewReasons.add(finding.reason());
            }
        }
        InternetIngress.jointOpenings(preview.changes()).forEach((urn, reasons) ->
                byUrn.computeIfAbsent(urn, u -> new ArrayList<>()).addAll(reasons));
        NetworkAcls.openings(preview.changes()).forEach((urn, reasons) ->
                byUrn.computeIfAbsent(urn, u -> new ArrayList<>()).addAll(reasons));

        List<ResourceReview> reviews = new ArrayList<>();
        Decision decision = ApprovalRules.decide(previewReasons);
        for (ResourceChange change : preview.changes()) {
            List<Reason> reasons = new ArrayList<>(ApprovalRules.reasons(change, production));
            List<Reason> more = byUrn.remove(change.urn().value());
            if (more != null) {
                reasons.addAll(more);
            }
            Decision resourceDecision = ApprovalRules.decide(reasons);
            reviews.add(new ResourceReview(change, resourceDecision, reasons));
            decision = decision.worst(resourceDecision);
        }
        // Errors and findings about resources the preview lists no step for (a failed --json preview may list none).
        byUrn.forEach((urn, reasons) -> reasons.forEach(r ->
                previewReasons.add(new Reason(r.decision(), r.text() + " [" + urn + "]"))));
        decision = decision.worst(ApprovalRules.decide(previewReasons));

        return new GateReport(stack, production, preview, reviews, previewReasons, decision,
                PreviewDigest.of(preview), approvedDigest.map(PreviewDigest::normalise));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
