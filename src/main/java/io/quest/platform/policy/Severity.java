package io.quest.platform.policy;

/** How much a finding matters. */
public enum Severity {
    /** Worth knowing; no action needed. */
    info,
    /** A deliberate trade-off that a reviewer should see. */
    low,
    /** Weakens a default that matters; fix before production. */
    medium,
    /** Exposes the platform; never acceptable in production. */
    high
}
