package io.quest.platform.plan;

import io.quest.platform.config.PlatformConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stack plans kept for reuse by a {@link PlanEngine} that plans the same stacks many times in one process: a test
 * suite, which plans the same small shared stack for dozens of tests.
 *
 * <p>A stack's plan is made from its project's name, its validated configuration, the stack file's values and
 * secret keys, and the plans of the stacks it read through stack references; planning is deterministic (the
 * plan JSON is the same on every run, which {@code PlanDeterminismTest} holds), so a plan made from the same
 * inputs is the same plan. The stacks a plan read are the ones its {@link MockCloud} answered, and they match
 * by identity: the plan of {@code dev} is reused only over the very {@code shared} plan it read, which is
 * itself either a reused plan or a new one.
 *
 * <p>A command plans each stack once, so the CLI never uses one. Safe to share between threads.
 */
public final class StackPlanCache {

    private record Key(String project, PlatformConfig config, Map<String, String> values, Set<String> secretKeys) {
    }

    /** A plan and the stacks it read, by the name it read them under. */
    private record Entry(Map<String, StackPlan> read, StackPlan plan) {
    }

    private final Map<Key, List<Entry>> entries = new HashMap<>();
    private int hits;
    private int misses;

    /** The plan made before from these inputs, over the same plans of the stacks it read, if there is one. */
    synchronized Optional<StackPlan> find(String project, PlatformConfig config, StackFile file, Map<String, StackPlan> planned) {
        for (Entry entry : entries.getOrDefault(key(project, config, file), List.of())) {
            if (entry.read().entrySet().stream().allMatch(read -> planned.get(read.getKey()) == read.getValue())) {
                hits++;
                return Optional.of(entry.plan());
            }
        }
        misses++;
        return Optional.empty();
    }

    /** Keeps a plan made from these inputs, which read {@code read} (by the name it read them under). */
    synchronized void keep(String project, PlatformConfig config, StackFile file, Map<String, StackPlan> read, StackPlan plan) {
        entries.computeIfAbsent(key(project, config, file), k -> new ArrayList<>()).add(new Entry(Map.copyOf(read), plan));
    }

    /** How many lookups found a plan. */
    public synchronized int hits() {
        return hits;
    }

    /** How many lookups found none, and so planned. */
    public synchronized int misses() {
        return misses;
    }

    private static Key key(String project, PlatformConfig config, StackFile file) {
        return new Key(project, config, file.config(), file.secretKeys());
    }
}
