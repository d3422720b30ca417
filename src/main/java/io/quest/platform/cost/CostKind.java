package io.quest.platform.cost;

/** Whether an item costs the same every month or grows with use. */
public enum CostKind {
    /** Billed by the hour or month whether or not anyone uses the service: what the stack costs standing still. */
    FIXED,
    /** Billed by traffic, volume or events: an estimate from the stack's usage assumptions ({@code quest-platform:usage}). */
    USAGE
}
