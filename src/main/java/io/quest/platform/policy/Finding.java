package io.quest.platform.policy;

import java.util.Objects;

/** Something a security rule noticed in a plan: which rule, how serious, on which resource, and why. */
public record Finding(String rule, Severity severity, String urn, String message) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
