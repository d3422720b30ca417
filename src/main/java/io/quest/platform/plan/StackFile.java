package io.quest.platform.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code Pulumi.<stack>.yaml}: its config as the Pulumi CLI would hand it to the program (full keys,
 * project defaults applied, structured values as JSON text, secrets as {@link Project#SECRET}), the keys
 * whose values are secret, and everything the CLI (or the planner, where the CLI would let a mistake
 * through silently) refuses in the file. A file with problems is never planned.
 *
 * @param stack      the stack's name
 * @param file       the file, as messages name it (relative to the project directory)
 * @param config     full key → value as the program receives it
 * @param secretKeys the keys given with {@code secure:} anywhere in their value
 * @param problems   what is wrong with the file, each naming file (line and column where known) or key
 */
public record StackFile(String stack, Path file, Map<String, String> config, Set<String> secretKeys, List<String> problems) {

    public StackFile {
        config = Map.copyOf(config);
        secretKeys = Set.copyOf(secretKeys);
        problems = List.copyOf(problems);
    }

    /** A clean stack file (tests, and configs built in code). */
    public StackFile(String stack, Map<String, String> config, Set<String> secretKeys) {
        this(stack, Path.of("Pulumi." + stack + ".yaml"), config, secretKeys, List.of());
    }
}
