package io.quest.platform.plan;

/** A problem that stops a plan and is the user's to fix: bad config, a missing stack file, a program error. */
public final class PlanException extends RuntimeException {

    public PlanException(String message) {
        super(message);
    }
}
