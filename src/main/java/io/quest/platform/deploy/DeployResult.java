package io.quest.platform.deploy;

import java.util.List;

/**
 * The outcome of a deploy, one entry per stack reached, in order; stacks after a stop are not listed.
 *
 * @param stacks the stacks reached
 */
public record DeployResult(List<StackOutcome> stacks) {

    public DeployResult {
        stacks = List.copyOf(stacks);
    }

    /** 0 when every stack deployed (or would apply), else the exit code of the most severe stop: 3, 2, then 1. */
    public int exitCode() {
        int code = 0;
        for (StackOutcome outcome : stacks) {
            code = worse(code, outcome.status().exitCode());
        }
        return code;
    }

    private static int worse(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    /** Blocked outranks needs-approval outranks an operation failure, so the reason a human must act shows first. */
    private static int rank(int exitCode) {
        return switch (exitCode) {
            case 3 -> 3;
            case 2 -> 2;
            case 1 -> 1;
            default -> 0;
        };
    }
}
