package io.quest.platform.approval;

/**
 * The input is not a preview this gate can read; the message says what was found and what was expected. The message
 * quotes the input, so it is redacted ({@link Redaction}) before whoever catches it prints it.
 */
public final class PreviewFormatException extends RuntimeException {

    public PreviewFormatException(String message) {
        super(Redaction.redact(message));
    }

    public PreviewFormatException(String message, Throwable cause) {
        super(Redaction.redact(message), cause);
    }
}
