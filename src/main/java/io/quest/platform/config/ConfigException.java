package io.quest.platform.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a stack's configuration, reported together before any resource exists. */
public final class ConfigException extends RuntimeException {

    private final String stack;
    private final List<ConfigProblem> problems;

    public ConfigException(String stack, List<ConfigProblem> problems) {
        super(render(stack, problems.stream().distinct().toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.stack = stack;
        this.problems = problems.stream().distinct().toList();
    }

    public String stack() {
        return stack;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(String stack, List<ConfigProblem> problems) {
        String header = problems.size() == 1
                ? "stack " + stack + " has a configuration problem:"
                : "stack " + stack + " has " + problems.size() + " configuration problems:";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
