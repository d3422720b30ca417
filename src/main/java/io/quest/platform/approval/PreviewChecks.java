package io.quest.platform.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What blocks a preview as a whole, before any resource is looked at: the engine says it failed; an event log stops
 * before its summary; or the engine's summary counts changes that the steps do not show (the gate cannot review what
 * it cannot see). The summary counts the steps the engine records ({@code previewActions.OnResourceStepPost} in
 * pulumi/pulumi {@code pkg/engine/update.go} @ 1b5949891b3cefcb9974752b24a5ecef0acc86c8: logical steps only, so a
 * replacement counts once as {@code replace}); a failed preview leaves out the steps it refused, so a summary may count
 * fewer than the steps show, never more.
 */
final class PreviewChecks {

    private PreviewChecks() {
    }

    static List<Reason> reasons(Preview preview) {
        List<Reason> reasons = new ArrayList<>();
        if (preview.failed()) {
            reasons.add(Reason.blocked("the preview failed (engine result: "
                    + preview.result().orElse("error diagnostics") + "); nothing may be applied until it succeeds"));
        }
        if (!preview.finished()) {
            reasons.add(Reason.blocked("the event log ends without the engine's summaryEvent: the preview did not"
                    + " finish, so it may not show every change"));
        }
        for (Map.Entry<String, Integer> entry : preview.engineSummary().entrySet()) {
            String op = entry.getKey();
            int counted = entry.getValue();
            int shown = preview.stepCounts().getOrDefault(op, 0);
            if (counted > shown && changesCloud(op)) {
                reasons.add(Reason.blocked("the engine's summary counts " + counted + " " + op + " but the preview shows "
                        + shown + ": the gate cannot review changes it does not see"));
            }
        }
        return reasons;
    }

    /** Whether steps of the op change the cloud; an op that is not one of the engine's shape is assumed to. */
    private static boolean changesCloud(String op) {
        try {
            return Operation.fromEngine(op).changesCloud();
        } catch (PreviewFormatException e) {
            return true;
        }
    }
}
