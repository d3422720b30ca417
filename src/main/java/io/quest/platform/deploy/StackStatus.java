package io.quest.platform.deploy;

/** Where the deploy left one stack. */
public enum StackStatus {
    /** {@code up} ran and succeeded. */
    DEPLOYED(0),
    /** Preview only: the preview applies, or is approved by its digest; nothing was run. */
    WOULD_APPLY(0),
    /** The preview needs approval and no approval names its digest; the deploy stopped here. */
    NEEDS_APPROVAL(2),
    /** The re-preview just before {@code up} differs from the preview that was gated; nothing was applied. */
    DIGEST_MOVED(2),
    /** The gate blocked the preview; no approval can change that. */
    BLOCKED(3),
    /** A Pulumi operation failed or its output could not be read. */
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
        return this == DEPLOYED || this == WOULD_APPLY;
    }
}
