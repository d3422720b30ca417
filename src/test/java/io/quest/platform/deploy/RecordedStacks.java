package io.quest.platform.deploy;

import io.quest.platform.approval.StackCatalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stack operations answered from recorded previews: each stack gives its queued previews in turn (the last one
 * repeats), and every preview and up is logged. Orders stacks shared, dev, prod; prod is production.
 */
final class RecordedStacks implements StackOperations, StackCatalog {

    private final Map<String, Deque<String>> previews = new HashMap<>();
    private final Set<String> failingUps;
    final List<String> calls = new ArrayList<>();

    RecordedStacks(Set<String> failingUps) {
        this.failingUps = failingUps;
    }

    RecordedStacks() {
        this(Set.of());
    }

    RecordedStacks previews(String stack, String... texts) {
        previews.put(stack, new ArrayDeque<>(List.of(texts)));
        return this;
    }

    @Override
    public String preview(String stack) {
        calls.add("preview " + stack);
        Deque<String> queue = previews.get(stack);
        if (queue == null) {
            throw new StackOperationException("pulumi preview --json --stack " + stack + " wrote no preview (exit 255): no such stack");
        }
        return queue.size() > 1 ? queue.pop() : queue.peek();
    }

    @Override
    public void up(String stack) {
        calls.add("up " + stack);
        if (failingUps.contains(stack)) {
            throw new StackOperationException("pulumi up --yes --skip-preview --non-interactive --stack " + stack + " failed with exit 255");
        }
    }

    @Override
    public List<String> order(List<String> requested) {
        List<String> all = List.of("shared", "dev", "prod");
        if (requested.isEmpty()) {
            return all;
        }
        return all.stream().filter(s -> s.equals("shared") || requested.contains(s)).toList();
    }

    @Override
    public boolean production(String stack) {
        return stack.equals("prod");
    }
}
