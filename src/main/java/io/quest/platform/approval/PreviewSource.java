package io.quest.platform.approval;

/** The shape a preview was read from. */
public enum PreviewSource {
    /** {@code pulumi preview --json}: one object with {@code steps}, {@code diagnostics} and {@code changeSummary}. */
    PREVIEW_JSON,
    /** {@code pulumi preview --event-log}: engine events, one JSON object a line or an object with an {@code events} list. */
    ENGINE_EVENTS
}
