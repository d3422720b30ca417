package io.quest.platform.deploy;

import io.quest.platform.approval.GateReport;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one stack.
 *
 * @param stack   the stack
 * @param status  where it was left
 * @param report  the gate's report on the preview that decided it, when a preview was read
 * @param message one sentence: what happened, and what to do next when it stopped
 */
public record StackOutcome(String stack, StackStatus status, Optional<GateReport> report, String message) {

    public StackOutcome {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(message, "message");
    }
}
