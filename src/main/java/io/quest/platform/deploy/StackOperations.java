package io.quest.platform.deploy;

/**
 * The two Pulumi operations the deploy needs, kept small so the orchestration can be driven by recorded previews
 * in tests and by the Pulumi CLI for real ({@link PulumiCli}).
 */
public interface StackOperations {

    /**
     * Previews a stack.
     *
     * @return the preview as {@code pulumi preview --json} writes it, also when the preview failed
     * @throws StackOperationException when no preview could be obtained at all
     */
    String preview(String stack);

    /**
     * Applies a stack's program.
     *
     * @throws StackOperationException when the update fails
     */
    void up(String stack);
}
