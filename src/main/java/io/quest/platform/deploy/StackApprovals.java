package io.quest.platform.deploy;

import io.quest.platform.approval.PreviewDigest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code --approve STACK=DIGEST} arguments into an approved digest per stack. */
public final class StackApprovals {

    private StackApprovals() {
    }

    /**
     * Parses approvals.
     *
     * @throws IllegalArgumentException naming the argument when one is not {@code STACK=DIGEST} or a stack is approved twice
     */
    public static Map<String, String> parse(List<String> arguments) {
        Map<String, String> approvals = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq <= 0 || eq == argument.length() - 1) {
                throw new IllegalArgumentException("--approve " + argument + " is not STACK=DIGEST; expected for example"
                        + " --approve prod=<the 64 hex digits the gate printed for prod>");
            }
            String stack = argument.substring(0, eq).strip();
            String digest = PreviewDigest.normalise(argument.substring(eq + 1));
            if (approvals.putIfAbsent(stack, digest) != null) {
                throw new IllegalArgumentException("--approve names stack " + stack + " twice; give one digest per stack");
            }
        }
        return approvals;
    }
}
