package io.quest.platform.approval;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Platform;
import io.quest.platform.plan.StackGraph;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The stacks of the project on disk, loaded through the same {@link Platform} loader as {@code plan}
 * (the Pulumi CLI's file rules, every stack's config, the checks between stacks), ordered by the stack references
 * ({@link StackGraph}: shared → dev → prod). A stack is production when its config says
 * {@code quest-platform:production: true}, or says nothing and its environment is {@code prod}.
 */
public final class ProjectStacks implements StackCatalog {

    private final StackGraph graph;
    private final Map<String, PlatformConfig> configs;

    private ProjectStacks(StackGraph graph, Map<String, PlatformConfig> configs) {
        this.graph = graph;
        this.configs = Map.copyOf(configs);
    }

    /**
     * Reads the project in a directory.
     *
     * @throws PlanException when a file is missing or malformed, or a stack's configuration is invalid
     */
    public static ProjectStacks load(Path directory) {
        Platform platform = Platform.load(directory);
        return new ProjectStacks(platform.graph(), platform.configs());
    }

    @Override
    public List<String> order(List<String> requested) {
        return graph.order(requested);
    }

    @Override
    public boolean production(String stack) {
        PlatformConfig config = configs.get(stack);
        if (config == null) {
            throw new PlanException("no stack " + stack + ": expected one of " + configs.keySet().stream().sorted().toList()
                    + " (a Pulumi." + stack + ".yaml beside Pulumi.yaml)");
        }
        return config.production();
    }
}
