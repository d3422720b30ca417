package io.quest.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the Java language host (pulumi/pulumi-java {@code pulumi-language-java}) starts a program whose
 * {@code Pulumi.yaml} sets {@code runtime.options.binary} to a jar:
 * <ul>
 *   <li>command: {@code java -jar <binary>}, {@code java} looked up on the PATH, the binary path cleaned
 *       (pkg/internal/executors/executor_jar.go, {@code newJarExecutor}, commit
 *       503547ec69774bf65cb0686e590b1d91f1e8c962; the jar executor is tried first,
 *       pkg/internal/executors/executor.go, commit 9c8db468688518d76de3c674b8a666a0064275a0);</li>
 *   <li>working directory: the program directory, the project's root ({@code cmd.Dir = req.Info.ProgramDirectory}),
 *       no standard input; stdout and stderr are collected and shown to the user when the program fails
 *       (pkg/cmd/pulumi-language-java/main.go, {@code Run}, commit e34a3965d8e25102f4be069ebbceaa6e8988073a);</li>
 *   <li>environment: the host's own plus {@code PULUMI_MONITOR}, {@code PULUMI_ENGINE}, {@code PULUMI_ORGANIZATION},
 *       {@code PULUMI_PROJECT}, {@code PULUMI_STACK}, {@code PULUMI_PWD}, {@code PULUMI_DRY_RUN} ({@code true}/{@code false}),
 *       {@code PULUMI_PARALLEL}, {@code PULUMI_TRACING} (when tracing), {@code PULUMI_CONFIG} (the config map as a
 *       JSON object of strings) and {@code PULUMI_CONFIG_SECRET_KEYS} (a JSON array, {@code []} when none), each
 *       only when not empty (same file, {@code constructEnv}, {@code constructConfig},
 *       {@code constructConfigSecretKeys}).</li>
 * </ul>
 * The SDK (com.pulumi:pulumi 1.36.1, {@code DeploymentImpl.DeploymentState.fromEnvironment} and
 * {@code DeploymentImpl.Config}) requires MONITOR, ENGINE, PROJECT, STACK and DRY_RUN, defaults ORGANIZATION to
 * {@code organization} and reads each config value as a JSON string.
 */
final class LanguageHost {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LanguageHost() {
    }

    /** The command line for the {@code runtime.options.binary} of a project file ({@code Pulumi.yaml} or its kin). */
    static List<String> command(Path projectFile) {
        String binary = binary(projectFile);
        if (!binary.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
            throw new IllegalStateException("runtime.options.binary in " + projectFile + " is " + binary + ", not a jar");
        }
        return List.of(java(), "-jar", Path.of(binary).normalize().toString());
    }

    /**
     * How the host starts a Maven project that sets no {@code runtime.options.binary}: the wrapper when the project
     * has one, {@code compile exec:java} in the project directory (pkg/internal/executors/executor_maven.go,
     * {@code newMavenExecutor} {@code RunArgs}, commit 0f9bd30d8a7b32f83f31b8510aa5864ce412fd0a). Every {@code pulumi up}
     * of such a project waits for Maven.
     */
    static List<String> mavenCommand() {
        return List.of("./mvnw", "--no-transfer-progress", "compile", "exec:java");
    }

    /** The variables the host adds to its own environment for a run. */
    static Map<String, String> environment(ProgramRun run, String monitorAddress, String engineAddress, Path programDirectory) {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, "PULUMI_MONITOR", monitorAddress);
        put(env, "PULUMI_ENGINE", engineAddress);
        put(env, "PULUMI_ORGANIZATION", run.organization());
        put(env, "PULUMI_PROJECT", run.project());
        put(env, "PULUMI_STACK", run.stack());
        put(env, "PULUMI_PWD", programDirectory.toAbsolutePath().normalize().toString());
        put(env, "PULUMI_DRY_RUN", String.valueOf(run.dryRun()));
        put(env, "PULUMI_PARALLEL", String.valueOf(run.parallel()));
        put(env, "PULUMI_CONFIG", EngineConfig.json(run.config()));
        put(env, "PULUMI_CONFIG_SECRET_KEYS", EngineConfig.json(run.configSecretKeys()));
        return env;
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(key, value);
        }
    }

    private static String binary(Path file) {
        try {
            JsonNode binary = YAML.readTree(file.toFile()).path("runtime").path("options").path("binary");
            if (!binary.isTextual() || binary.asText().isBlank()) {
                throw new IllegalStateException(file + " sets no runtime.options.binary");
            }
            return binary.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java} on the PATH, as the host finds it; the JVM running the tests when the PATH has none. */
    private static String java() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "java");
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
