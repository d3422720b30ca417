package io.quest.platform.approval;

import io.quest.platform.config.ConfigException;
import io.quest.platform.config.ConfigSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackIdentity;
import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Project;
import io.quest.platform.plan.StackGraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stacks of the project on disk, read the way {@code plan} reads them: {@code Pulumi.yaml} and every
 * {@code Pulumi.<stack>.yaml}, validated by {@link PlatformConfig}, ordered by the stack references
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
        Project project = Project.load(directory);
        Map<String, PlatformConfig> configs = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        project.stacks().forEach((name, file) -> {
            try {
                configs.put(name, PlatformConfig.load(ConfigSource.of(file.config()),
                        new StackIdentity(PlanEngine.ORGANIZATION, project.name(), name)));
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
        });
        if (!errors.isEmpty()) {
            throw new PlanException(String.join("\n", errors));
        }
        Map<String, List<String>> references = new LinkedHashMap<>();
        configs.forEach((stack, config) -> references.put(stack, config.references()));
        return new ProjectStacks(new StackGraph(project.name(), references), configs);
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
