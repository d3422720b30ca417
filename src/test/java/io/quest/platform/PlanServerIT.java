package io.quest.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar as a user runs it, {@code java -jar target/quest-platform.jar plan ...}: the first plan runs in a JVM
 * of its own and leaves a plan server behind; the next is served by it, with the same output, bytes for bytes, and
 * the same exit status and message for a mistake as with the server turned off.
 */
class PlanServerIT {

    private static final Path JAR = Path.of("target", "quest-platform.jar").toAbsolutePath();

    @TempDir
    Path runtime;

    private record Run(int status, String stdout, String stderr) {
    }

    private Run plan(String setting, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "plan"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        environment.put(PlanServerFiles.SWITCH, setting);
        List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").forEach(environment::remove);
        Path out = runtime.resolve("stdout");
        Path err = runtime.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = process.waitFor();
        return new Run(status, Files.readString(out), Files.readString(err));
    }

    private Path directory() {
        return runtime.resolve("quest-platform");
    }

    @AfterEach
    void stopServers() {
        String marker = "-D" + PlanServer.MARKER + "=" + directory();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(marker))
                .forEach(process -> {
                    process.destroy();
                    process.onExit().join();
                });
    }

    @Test
    void the_second_plan_is_served_warm_with_the_output_of_a_plan_in_a_jvm_of_its_own() throws Exception {
        Run mistakeAlone = plan("off", "no-such-stack");
        assertThat(directory()).as("no server when turned off").doesNotExist();

        Run alone = plan("on", "shared", "--format", "json");
        Path log = waitForServer();
        Run served = plan("on", "shared", "--format", "json");
        Run mistake = plan("on", "no-such-stack");

        assertThat(alone.status()).as(alone.stderr()).isZero();
        assertThat(served.status()).as(served.stderr()).isZero();
        assertThat(served.stdout()).isEqualTo(alone.stdout()).startsWith("{");
        assertThat(served.stderr()).matches("planned 1 stacks \\(220 resources\\) in \\d+ ms\n");
        assertThat(mistake.status()).isEqualTo(1);
        assertThat(mistake.stderr()).isEqualTo(mistakeAlone.stderr()).startsWith("error: ");
        String logged = Files.readString(log);
        assertThat(logged).contains("rehearsed plan shared --format json",
                "plan shared --format json in " + Path.of("").toAbsolutePath() + ": exit 0",
                "plan no-such-stack in " + Path.of("").toAbsolutePath() + ": exit 1");
    }

    /** The log of the server the first plan started, once it serves. */
    private Path waitForServer() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (var listing = Files.list(directory())) {
                List<Path> endpoints = listing.filter(path -> path.toString().endsWith(".port")).toList();
                if (!endpoints.isEmpty()) {
                    String endpoint = endpoints.get(0).toString();
                    return Path.of(endpoint.substring(0, endpoint.length() - ".port".length()) + ".log");
                }
            } catch (IOException e) {
                // not yet there
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no plan server started within 60 s in " + directory());
    }
}
