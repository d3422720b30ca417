package io.quest.platform.plan;

import java.util.Map;
import java.util.Set;

/**
 * One {@code Pulumi.<stack>.yaml}: its config as the Pulumi CLI would hand it to the program (full keys,
 * structured values as JSON text) and the keys whose values are secret.
 */
public record StackFile(String stack, Map<String, String> config, Set<String> secretKeys) {

    public StackFile {
        config = Map.copyOf(config);
        secretKeys = Set.copyOf(secretKeys);
    }
}
