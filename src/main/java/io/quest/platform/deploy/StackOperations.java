package io.quest.platform.deploy;

import java.nio.file.Path;
import java.util.Set;

/**
 * The Pulumi operations the deploy needs, kept small so the orchestration can be tested with mocks and driven by
 * the Pulumi Automation API for real ({@link PulumiAutomation}).
 */
public interface StackOperations {

    /**
     * Previews a stack and saves the preview's update plan ({@code pulumi preview --json --save-plan PLAN}).
     *
     * @param plan where the update plan is written; {@link #up} applies exactly this file
     * @return what the preview wrote and whether it exited 0; a failed preview is returned, not thrown
     * @throws StackOperationException when the preview could not be started at all (no CLI, no such stack)
     */
    PreviewRun preview(String stack, Path plan);

    /**
     * Applies a saved update plan ({@code pulumi up --plan PLAN}): the engine refuses any operation the plan does
     * not contain.
     *
     * @throws StackOperationException when the update fails or departs from the plan
     */
    void up(String stack, Path plan);

    /**
     * The names of a stack's outputs, as its last update left them ({@code pulumi stack output --json}).
     *
     * @return the output names; empty when the stack exists but was never deployed
     * @throws StackOperationException when the stack does not exist or its state cannot be read
     */
    Set<String> outputs(String stack);
}
