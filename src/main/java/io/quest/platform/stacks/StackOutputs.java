package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** A map of strings, sorted by key. */
    static Output<Map<String, String>> stringMap(StackReference ref, String name) {
        return ref.requireOutput(name).applyValue(v -> {
            Map<String, String> result = new TreeMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> result.put(String.valueOf(k), String.valueOf(x)));
            return result;
        });
    }
}
