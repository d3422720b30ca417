package io.quest.platform.approval;

/** How an approval given on the command line relates to the preview being gated. */
public enum ApprovalStatus {
    /** No approval digest was given. */
    NONE,
    /** The approval names this preview's digest: it covers exactly what was reviewed. */
    MATCHES,
    /** The approval names another digest: the preview changed since it was reviewed, so the approval does not count. */
    DIFFERS
}
