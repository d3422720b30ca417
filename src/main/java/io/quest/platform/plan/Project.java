package io.quest.platform.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Pulumi project on disk, read the way the Pulumi CLI reads it before it starts a program: the project
 * file ({@code Pulumi.json}, {@code Pulumi.yaml} or {@code Pulumi.yml}, the first found), its config
 * declarations, and every stack file with the project file's extension in {@code stackConfigDir} (or
 * beside the project file). A problem with the project file stops everything; a problem with a stack
 * file is kept on that {@link StackFile}, so one broken stack never hides another's problems.
 *
 * <p>Source: pulumi/pulumi at 1b5949891b3cefcb9974752b24a5ecef0acc86c8:
 * {@code sdk/go/common/workspace/paths.go} ({@code findProjectInDir}, {@code ProjectStackPath}: the stack
 * file takes the project file's extension and lives in {@code stackConfigDir}),
 * {@code sdk/go/common/workspace/loaders.go} ({@code LoadProjectStackBytes}), {@code project.go}
 * ({@code Validate}, {@code RewriteConfigPathIntoStackConfigDir}) and {@code pkg/workspace/config.go}
 * ({@code mergeConfig}), modelled in {@link CliConfigRules}.
 */
public record Project(String name, Path directory, Path projectFile, Map<String, ConfigDeclaration> declarations,
                      Map<String, StackFile> stacks) {

    /** How a secret reads everywhere outside the program: in plans, outputs and messages. */
    public static final String SECRET = "[secret]";

    /** The CLI's order of preference for the project file's extension ({@code encoding.Exts}). */
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.(.+)(\\.json|\\.yaml|\\.yml)");

    public Project {
        declarations = Collections.unmodifiableMap(new LinkedHashMap<>(declarations));
        stacks = Collections.unmodifiableMap(new TreeMap<>(stacks));
    }

    /** Reads the project in a directory; a missing or invalid project file is a {@link PlanException}. */
    public static Project load(Path directory) {
        Path projectFile = EXTENSIONS.stream().map(ext -> directory.resolve("Pulumi" + ext))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new PlanException("no Pulumi.yaml in " + directory.toAbsolutePath().normalize()
                        + "; run from the repository root or pass --cwd"));
        String display = projectFile.getFileName().toString();
        StrictYaml.Document doc = StrictYaml.read(projectFile, display);
        List<String> problems = new ArrayList<>(doc.problems());
        JsonNode root = doc.root();
        if (root != null && !root.isObject()) {
            problems.add(display + ": is not a mapping; expected a project with name:, runtime: and config:");
        }
        if (!problems.isEmpty()) {
            throw new PlanException("the Pulumi CLI cannot load the project:\n  " + String.join("\n  ", problems));
        }
        String name = root.path("name").isTextual() ? root.path("name").asText() : "";
        if (name.isBlank()) {
            throw new PlanException(display + ": project is missing a 'name' attribute; expected name: quest-platform");
        }
        Optional<String> stackConfigDir = stackConfigDir(root, display, problems);
        Map<String, ConfigDeclaration> declarations = CliConfigRules.declarations(name, root.path("config"), display, problems);
        if (!problems.isEmpty()) {
            throw new PlanException("the Pulumi CLI cannot load the project:\n  " + String.join("\n  ", problems));
        }

        String ext = display.substring("Pulumi".length());
        Path stackDir = stackConfigDir.map(directory::resolve).orElse(directory);
        Map<String, StackFile> stacks = new TreeMap<>();
        Map<String, List<Path>> ignored = new TreeMap<>();
        try (Stream<Path> files = Files.isDirectory(stackDir) ? Files.list(stackDir) : Stream.empty()) {
            for (Path file : files.sorted().toList()) {
                Matcher m = STACK_FILE.matcher(file.getFileName().toString());
                if (!m.matches() || file.equals(projectFile)) {
                    continue;
                }
                if (m.group(2).equals(ext)) {
                    stacks.put(m.group(1), stackFile(name, m.group(1), directory.relativize(file), file, declarations));
                } else {
                    ignored.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(directory.relativize(file));
                }
            }
        } catch (IOException e) {
            throw new PlanException("cannot list " + stackDir + ": " + e.getMessage());
        }
        ignored.forEach((stack, files) -> {
            for (Path file : files) {
                String expected = "Pulumi." + stack + ext;
                StackFile existing = stacks.get(stack);
                String problem = file + ": the Pulumi CLI reads stack " + stack + "'s settings from " + expected
                        + " (the project file is " + display + ") and ignores this file; "
                        + (existing == null ? "rename it to " + expected : "merge it into " + expected + " and delete it");
                stacks.put(stack, existing == null
                        ? new StackFile(stack, file, Map.of(), Set.of(), List.of(problem))
                        : withProblem(existing, problem));
            }
        });
        return new Project(name, directory, projectFile, declarations, stacks);
    }

    private static StackFile withProblem(StackFile file, String problem) {
        List<String> problems = new ArrayList<>(file.problems());
        problems.add(problem);
        return new StackFile(file.stack(), file.file(), file.config(), file.secretKeys(), problems);
    }

    /** {@code stackConfigDir}, or the deprecated {@code config: <dir>}; both at once is an error, as in the CLI. */
    private static Optional<String> stackConfigDir(JsonNode root, String display, List<String> problems) {
        JsonNode dir = root.path("stackConfigDir");
        JsonNode legacy = root.path("config");
        if (legacy.isTextual() && dir.isTextual()) {
            problems.add(display + ": Should not use both config and stackConfigDir to define the stack directory. "
                    + "Use only stackConfigDir instead.");
            return Optional.empty();
        }
        if (legacy.isTextual()) {
            return Optional.of(legacy.asText());
        }
        if (!dir.isMissingNode() && !dir.isNull() && !dir.isTextual()) {
            problems.add(display + ": stackConfigDir: " + dir + " is not a directory name; expected a path relative to " + display);
            return Optional.empty();
        }
        return dir.isTextual() && !dir.asText().isBlank() ? Optional.of(dir.asText()) : Optional.empty();
    }

    private static StackFile stackFile(String project, String stack, Path display, Path file, Map<String, ConfigDeclaration> declarations) {
        StrictYaml.Document doc = StrictYaml.read(file, display.toString());
        List<String> problems = new ArrayList<>(doc.problems());
        Map<String, String> config = new TreeMap<>();
        Set<String> secrets = new java.util.TreeSet<>();
        Map<String, JsonNode> values = new TreeMap<>();
        if (doc.root() != null) {
            CliConfigRules.readStackFile(project, doc.root(), display.toString(), values, secrets, problems);
        }
        if (doc.root() != null || doc.problems().isEmpty()) {
            CliConfigRules.merge(project, stack, declarations, values, secrets, display.toString(), problems);
        }
        values.forEach((key, value) -> config.put(key, text(value)));
        return new StackFile(stack, display, config, secrets, problems);
    }

    private static String text(JsonNode value) {
        return value.isContainerNode() ? value.toString() : value.isNull() ? "" : value.asText();
    }
}
