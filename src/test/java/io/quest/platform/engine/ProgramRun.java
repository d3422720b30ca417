package io.quest.platform.engine;

import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.Project;
import io.quest.platform.plan.StackFile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's {@code RunRequest} for one program run, as far as it reaches the program: organization,
 * project, stack, configuration (full key to string, structured values as JSON), the keys whose values
 * are secret, whether it is a preview, and the parallelism.
 */
public record ProgramRun(
        String organization,
        String project,
        String stack,
        Map<String, String> config,
        List<String> configSecretKeys,
        boolean dryRun,
        int parallel) {

    /** The run's parallelism; the Java SDK 1.36.1 does not read {@code PULUMI_PARALLEL}, so any value does. */
    public static final int PARALLEL = 16;

    public ProgramRun {
        config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
        configSecretKeys = configSecretKeys.stream().sorted().toList();
    }

    /**
     * {@code pulumi up --stack <stack>} of a project on a self-managed backend (organization
     * {@value PlanEngine#ORGANIZATION}): the stack file's configuration encoded as the engine does.
     */
    public static ProgramRun update(Project project, String stack) {
        StackFile file = project.stacks().get(stack);
        if (file == null) {
            throw new IllegalArgumentException("the project has no stack " + stack);
        }
        if (!file.problems().isEmpty()) {
            throw new IllegalArgumentException("the CLI would not start stack " + stack + ": " + String.join("; ", file.problems()));
        }
        return new ProgramRun(PlanEngine.ORGANIZATION, project.name(), stack, EngineConfig.encode(file),
                List.copyOf(file.secretKeys()), false, PARALLEL);
    }

    /** The same run with one configuration value replaced (a structured value as JSON text). */
    public ProgramRun withConfig(String key, String value) {
        Map<String, String> changed = new TreeMap<>(config);
        changed.put(key, value);
        return new ProgramRun(organization, project, stack, changed, configSecretKeys, dryRun, parallel);
    }
}
