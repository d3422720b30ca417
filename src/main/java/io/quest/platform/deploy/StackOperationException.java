package io.quest.platform.deploy;

/** A Pulumi operation on a stack could not be run or failed; the message names the stack and the command. */
public final class StackOperationException extends RuntimeException {

    public StackOperationException(String message) {
        super(message);
    }

    public StackOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
