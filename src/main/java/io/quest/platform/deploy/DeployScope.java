package io.quest.platform.deploy;

import io.quest.platform.approval.StackCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stacks a deploy touches, and how: the requested stacks are applied; the stacks they read (through stack
 * references, e.g. prod reads shared and dev) are only read, never applied.
 *
 * @param order   every stack involved, each after the stacks it reads
 * @param applied the stacks to preview, gate and apply, in order (every stack when none was requested)
 * @param readers for each stack that is only read, the applied stacks that read it
 */
public record DeployScope(List<String> order, List<String> applied, Map<String, List<String>> readers) {

    public DeployScope {
        order = List.copyOf(order);
        applied = List.copyOf(applied);
        readers = Map.copyOf(readers);
    }

    /**
     * Works out the scope of a deploy.
     *
     * @param requested the stacks named on the command line; empty for every stack
     */
    public static DeployScope of(StackCatalog catalog, List<String> requested) {
        List<String> order = catalog.order(requested);
        List<String> applied = requested.isEmpty() ? order : order.stream().filter(requested::contains).toList();
        Map<String, List<String>> readers = new LinkedHashMap<>();
        for (String stack : order) {
            if (!applied.contains(stack)) {
                readers.put(stack, applied.stream().filter(a -> catalog.order(List.of(a)).contains(stack)).toList());
            }
        }
        return new DeployScope(order, applied, readers);
    }

    /** Whether the stack is applied by this deploy (not only read). */
    public boolean applies(String stack) {
        return applied.contains(stack);
    }
}
