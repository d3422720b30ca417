package io.quest.platform.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which stack reads which, and so the order stacks are planned and deployed in: every stack after all
 * the stacks it references ({@code shared} → {@code dev} → {@code prod}). Stack names are local
 * ({@code dev}); references are fully qualified ({@code acme/quest-platform/shared}) and match a local
 * stack when their project and stack name do.
 */
public final class StackGraph {

    private final String project;
    private final Map<String, List<String>> references;

    /** @param references each stack's fully qualified references, keyed by local stack name */
    public StackGraph(String project, Map<String, List<String>> references) {
        this.project = project;
        this.references = new TreeMap<>(references);
    }

    /** The local stacks a stack reads directly. */
    public List<String> dependencies(String stack) {
        List<String> local = new ArrayList<>();
        for (String ref : references.getOrDefault(stack, List.of())) {
            local.add(localName(ref).orElseThrow(() -> new PlanException(
                    "stack " + stack + " reads " + ref + ", which is not a stack of project " + project
                            + " with a Pulumi.<stack>.yaml here")));
        }
        return local;
    }

    /** Fully qualified name → local stack name, when it names a stack of this project that has a file. */
    public Optional<String> localName(String reference) {
        String[] parts = reference.split("/");
        if (parts.length != 3 || !parts[1].equals(project) || !references.containsKey(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(parts[2]);
    }

    /** A chain of stacks that read each other in a circle ({@code [a, b, a]}), if there is one. */
    public Optional<List<String>> cycle() {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : references.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            Optional<List<String>> found = visit(start, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String stack, Map<String, Integer> state, Deque<String> path) {
        Integer seen = state.get(stack);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        path.addLast(stack);
        if (seen != null) {
            List<String> chain = new ArrayList<>(path);
            return Optional.of(chain.subList(chain.indexOf(stack), chain.size()));
        }
        state.put(stack, 1);
        for (String ref : references.getOrDefault(stack, List.of())) {
            Optional<String> next = localName(ref);
            if (next.isPresent()) {
                Optional<List<String>> found = visit(next.get(), state, path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        state.put(stack, 2);
        path.removeLast();
        return Optional.empty();
    }

    /**
     * The requested stacks and everything they read, in dependency order. An empty request means every
     * stack. Ties keep alphabetical order, so the order is the same on every run.
     */
    public List<String> order(List<String> requested) {
        Set<String> wanted = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(requested.isEmpty() ? references.keySet() : requested);
        while (!todo.isEmpty()) {
            String stack = todo.pop();
            if (!references.containsKey(stack)) {
                throw new PlanException("no stack " + stack + ": expected one of " + references.keySet()
                        + " (a Pulumi." + stack + ".yaml beside Pulumi.yaml)");
            }
            if (wanted.add(stack)) {
                todo.addAll(dependencies(stack));
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < wanted.size()) {
            String next = wanted.stream()
                    .filter(s -> !done.contains(s))
                    .filter(s -> done.containsAll(dependencies(s)))
                    .findFirst()
                    .orElseThrow(() -> new PlanException("stacks read each other in a cycle: "
                            + cycle().map(c -> String.join(" → ", c)).orElse(wanted.stream().filter(s -> !done.contains(s)).toList().toString())));
            done.add(next);
            ordered.add(next);
        }
        return ordered;
    }
}
