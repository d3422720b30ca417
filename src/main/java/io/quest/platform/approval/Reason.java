package io.quest.platform.approval;

import java.util.Objects;

/**
 * Why the gate decided what it did about one resource or the whole preview.
 *
 * @param decision what this reason alone demands
 * @param text     one sentence a reviewer can act on
 */
public record Reason(Decision decision, String text) {

    public Reason {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(text, "text");
    }

    static Reason needsApproval(String text) {
        return new Reason(Decision.NEEDS_APPROVAL, text);
    }

    static Reason blocked(String text) {
        return new Reason(Decision.BLOCKED, text);
    }
}
