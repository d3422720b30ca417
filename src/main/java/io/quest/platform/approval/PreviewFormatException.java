package io.quest.platform.approval;

/** The input is not a preview this gate can read; the message says what was found and what was expected. */
public final class PreviewFormatException extends RuntimeException {

    public PreviewFormatException(String message) {
        super(message);
    }

    public PreviewFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
