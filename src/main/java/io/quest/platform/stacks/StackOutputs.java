package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.util.List;

/** Typed reads of another stack's outputs, shared by every output contract. */
final class StackOutputs {

    private StackOutputs() {
    }

    static Output<String> string(StackReference ref, String name) {
        return ref.requireOutput(name).applyValue(v -> (String) v);
    }

    static Output<List<String>> strings(StackReference ref, String name) {
        return ref.requireOutput(name).applyValue(v -> ((List<?>) v).stream().map(String::valueOf).toList());
    }
}
