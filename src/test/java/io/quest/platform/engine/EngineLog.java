package io.quest.platform.engine;

/** One {@code Engine.Log} call: what {@code pulumi up} shows the user as a diagnostic. */
public record EngineLog(String severity, String message, String urn) {

    public boolean isError() {
        return "ERROR".equals(severity);
    }
}
