package io.quest.platform.release;

/** A promotion or rollback refused, with a message that says why and what to do. */
public final class ReleaseException extends RuntimeException {

    public ReleaseException(String message) {
        super(message);
    }
}
