package io.quest.platform.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration: the full key, and a sentence that says what it got and what
 * it expected, e.g. {@code quest-platform:network.cidr: "10.300.0.0/16" is not an IPv4 CIDR}.
 */
public record ConfigProblem(String key, String message) {

    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** A problem about a value that was given: the value is quoted as the user wrote it. */
    public static ConfigProblem of(String key, Object value, String expectation) {
        return new ConfigProblem(key, quote(value) + " " + expectation);
    }

    static String quote(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
