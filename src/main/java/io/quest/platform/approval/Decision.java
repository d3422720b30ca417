package io.quest.platform.approval;

/** What the gate decides for a resource or a whole preview; a preview's decision is its most severe resource's. */
public enum Decision {
    /** May be applied without anyone's approval: creates, sames and harmless updates. Exit code 0. */
    APPLY(0, "applies"),
    /** May be applied once a reviewer approves this exact preview by its digest. Exit code 2. */
    NEEDS_APPROVAL(2, "needs approval"),
    /** Must not be applied whatever the approval: the preview failed or the change is forbidden. Exit code 3. */
    BLOCKED(3, "blocked");

    private final int exitCode;
    private final String label;

    Decision(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return label;
    }

    /** The more severe of two decisions. */
    public Decision worst(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
