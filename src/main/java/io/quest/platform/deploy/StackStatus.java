package io.quest.platform.deploy;

import java.util.Locale;

/** Where the deploy left one stack. */
public enum StackStatus {
    /** {@code up} applied the plan saved by the gated preview, and succeeded. */
    DEPLOYED(0),
    /** Preview only: the preview applies, or is approved by its digest; nothing was run. */
    WOULD_APPLY(0),
    /** The preview shows no change to any resource; {@code up} was not run. */
    UNCHANGED(0),
    /** A requested stack reads this one; it is never previewed or applied here, only checked to have outputs. */
    READ_ONLY(0),
    /** The preview needs approval and no approval names its digest (none given, or a stale one); nothing was applied. */
    NEEDS_APPROVAL(2),
    /** The gate blocked the preview; no approval can change that. */
    BLOCKED(3),
    /** The preview exited non-zero or reported an error; no approval can apply it. */
    PREVIEW_FAILED(3),
    /** A Pulumi operation failed or its output could not be read; or a read stack is missing or has no outputs. */
    FAILED(1);

    private final int exitCode;

    StackStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Whether the deploy may go on to the next stack. */
    public boolean proceeds() {
        return exitCode == 0;
    }

    /** How the status is printed: {@code needs approval}, {@code read only}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
