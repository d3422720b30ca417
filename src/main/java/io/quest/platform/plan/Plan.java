package io.quest.platform.plan;

import java.util.List;

/** The plan of several stacks of one project, in dependency order. */
public record Plan(String project, List<StackPlan> stacks) {

    public Plan {
        stacks = List.copyOf(stacks);
    }

    public StackPlan stack(String name) {
        return stacks.stream().filter(s -> s.stack().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan has no stack " + name));
    }
}
