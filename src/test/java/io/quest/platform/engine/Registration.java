package io.quest.platform.engine;

/**
 * One {@code RegisterResource} call as the engine received it, with the URN the engine gave it and when it
 * arrived ({@link System#nanoTime()}).
 */
public record Registration(String urn, String type, String name, boolean custom, String parent, long arrivedNanos) {

    /** The stack resource every program registers first; it is the engine's, not one the plan shows. */
    public static final String ROOT_STACK = "pulumi:pulumi:Stack";

    public boolean isRootStack() {
        return ROOT_STACK.equals(type);
    }
}
