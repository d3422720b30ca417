package io.quest.platform.approval;

import java.util.Objects;
import java.util.Optional;

/**
 * A message the engine printed during the preview, with its colour markup removed.
 *
 * @param urn      the resource it is about, when the engine says
 * @param severity {@code error}, {@code warning}, {@code info}, {@code debug} as the engine writes it
 * @param message  the text, trimmed
 */
public record Diagnostic(Optional<String> urn, String severity, String message) {

    public Diagnostic {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity.equals("error");
    }
}
