package io.quest.platform.plan;

import io.quest.platform.config.ConfigProblem;
import io.quest.platform.config.ConfigSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackIdentity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's stacks, loaded and checked as one platform: what the Pulumi CLI checks in each file,
 * each stack's configuration, the stacks each one reads, and the rules between stacks. {@code plan},
 * {@code gate} and {@code deploy} all load the project through here, so every command refuses the
 * same mistakes, and every problem of every stack is reported in one message.
 *
 * @param project the files on disk
 * @param configs every stack's validated configuration, by local stack name
 * @param graph   which stack reads which, and so the order they are planned and deployed in
 */
public record Platform(Project project, Map<String, PlatformConfig> configs, StackGraph graph) {

    /** The organisation stack references name when none is configured, as for a new Pulumi Cloud or self-managed backend. */
    public static final String ORGANIZATION = "organization";

    public Platform {
        configs = Collections.unmodifiableMap(new TreeMap<>(configs));
    }

    /** Loads the project in a directory; any problem is a {@link PlanException} listing all of them. */
    public static Platform load(Path directory) {
        return load(Project.load(directory));
    }

    /** Checks a loaded project as a platform; any problem is a {@link PlanException} listing all of them. */
    public static Platform load(Project project) {
        return load(project, Map.of());
    }

    /**
     * {@link #load(Project)} as a run with these environment variables sees it (only
     * {@code QUEST_PLATFORM_PROVIDER_ROLE} is read): the platform a CI preview job runs, for example.
     */
    public static Platform load(Project project, Map<String, String> environmentVariables) {
        if (project.stacks().isEmpty()) {
            throw new PlanException("no stack files (Pulumi.<stack>.yaml) beside " + project.projectFile().getFileName()
                    + " in " + project.directory().toAbsolutePath().normalize() + "; create one with pulumi stack init <stack>");
        }
        Map<String, List<String>> problems = new TreeMap<>();
        Map<String, PlatformConfig> configs = new LinkedHashMap<>();
        project.stacks().forEach((name, file) -> {
            List<String> mine = problems.computeIfAbsent(name, k -> new ArrayList<>());
            mine.addAll(file.problems());
            if (file.config().isEmpty() && !file.problems().isEmpty()) {
                return; // unreadable: its settings would only repeat what is already said
            }
            List<ConfigProblem> found = new ArrayList<>();
            configs.put(name, PlatformConfig.read(ConfigSource.of(file.config(), file.secretKeys()),
                    new StackIdentity(ORGANIZATION, project.name(), name), environmentVariables, found));
            // A declared key the CLI already reported missing is not reported again as required.
            found.stream().distinct()
                    .filter(p -> !(file.config().get(p.key()) == null && project.declarations().containsKey(p.key())
                            && project.declarations().get(p.key()).required(project.name()) && p.message().startsWith("is required")))
                    .map(ConfigProblem::toString).forEach(mine::add);
        });
        configs.forEach((name, config) -> problems.get(name).addAll(referenceProblems(project, name, config)));

        List<String> platform = new ArrayList<>(PlatformChecks.problems(configs));
        Map<String, List<String>> references = new LinkedHashMap<>();
        configs.forEach((stack, config) -> references.put(stack, config.references()));
        StackGraph graph = new StackGraph(project.name(), references);
        boolean referencesResolve = problems.values().stream().allMatch(List::isEmpty);
        if (referencesResolve) {
            graph.cycle().ifPresent(cycle -> platform.add("stacks read each other in a cycle: " + String.join(" → ", cycle)
                    + "; a stack can only read stacks deployed before it"));
        }

        StringBuilder message = new StringBuilder();
        problems.forEach((stack, list) -> {
            if (!list.isEmpty()) {
                message.append(message.isEmpty() ? "" : "\n")
                        .append("stack ").append(stack).append(list.size() == 1 ? " has a configuration problem:" : " has " + list.size() + " configuration problems:");
                list.forEach(p -> message.append("\n  ").append(p));
            }
        });
        if (!platform.isEmpty()) {
            message.append(message.isEmpty() ? "" : "\n").append("the platform's stacks do not fit together:");
            platform.forEach(p -> message.append("\n  ").append(p));
        }
        if (!message.isEmpty()) {
            throw new PlanException(message.toString());
        }
        return new Platform(project, configs, graph);
    }

    /** The stacks this platform plans, in dependency order: the requested ones (all when empty) and what they read. */
    public List<String> order(List<String> requested) {
        return graph.order(requested);
    }

    /**
     * A setting that names another stack must name one this project has (or the planner cannot answer
     * its outputs), and never the stack itself.
     */
    private static List<String> referenceProblems(Project project, String stack, PlatformConfig config) {
        List<String> problems = new ArrayList<>();
        config.referencesByKey().forEach((key, ref) -> {
            String[] parts = ref.split("/");
            if (parts.length != 3) {
                return; // malformed: already reported by the config layer
            }
            if (!parts[1].equals(project.name())) {
                problems.add(ConfigProblem.of(key, ref, "names a stack of project " + parts[1] + "; the offline plan can only answer"
                        + " stack references to stacks of project " + project.name() + " (its Pulumi.<stack>.yaml files)").toString());
            } else if (parts[2].equals(stack)) {
                problems.add(ConfigProblem.of(key, ref, "names stack " + stack + " itself; a stack cannot read its own outputs,"
                        + " expected another stack of the project, one of " + others(project, stack)).toString());
            } else if (!project.stacks().containsKey(parts[2])) {
                problems.add(ConfigProblem.of(key, ref, "names stack " + parts[2] + ", which has no Pulumi." + parts[2]
                        + project.projectFile().getFileName().toString().substring("Pulumi".length())
                        + " here; expected one of " + others(project, stack)).toString());
            }
        });
        return problems;
    }

    private static List<String> others(Project project, String stack) {
        return project.stacks().keySet().stream().filter(s -> !s.equals(stack)).toList();
    }
}
