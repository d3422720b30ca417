package io.quest.platform.plan;

import io.quest.platform.config.PlatformConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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

    /** A plan and the planned stacks it read, by the name it read them under. */
    record Made(StackPlan plan, Map<String, StackPlan> read) {
        Made {
            read = Map.copyOf(read);
        }
    }

    /** The plans made from one key's inputs; its monitor is held while one of them is looked up or made. */
    private static final class Slot {
        final List<Made> made = new ArrayList<>();
    }

    private final Map<Key, Slot> slots = new HashMap<>();
    private int hits;
    private int misses;

    /**
     * The plan made before from these inputs over the same plans of the stacks it read, or else the one {@code plan}
     * makes, kept for next time. Two threads asking for the same inputs at once plan once: the second waits for the
     * first's plan and takes it if it read the same stacks. Different inputs plan side by side.
     */
    StackPlan reuseOrPlan(String project, PlatformConfig config, StackFile file, Map<String, StackPlan> planned,
                          Supplier<Made> plan) {
        Slot slot;
        synchronized (this) {
            slot = slots.computeIfAbsent(new Key(project, config, file.config(), file.secretKeys()), k -> new Slot());
        }
        synchronized (slot) {
            for (Made made : slot.made) {
                if (made.read().entrySet().stream().allMatch(read -> planned.get(read.getKey()) == read.getValue())) {
                    count(true);
                    return made.plan();
                }
            }
            count(false);
            Made made = plan.get();
            slot.made.add(made);
            return made.plan();
        }
    }

    private synchronized void count(boolean hit) {
        if (hit) {
            hits++;
        } else {
            misses++;
        }
    }

    /** How many lookups found a plan. */
    public synchronized int hits() {
        return hits;
    }

    /** How many lookups found none, and so planned (a plan that failed counts too). */
    public synchronized int misses() {
        return misses;
    }
}
