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
 * The built jar as a user runs it, {@code java -jar target/quest-platform.jar plan ...}: the first command runs in a
 * JVM of its own and leaves a plan server behind; the next are served by it, with the same output, bytes for bytes,
 * and the same exit status as with the server turned off. Commands that plan nothing keep this test cheap; that a
 * served plan is the plan, byte for byte, {@code PlanServerTest} shows through the same client and server in one JVM.
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
    void the_second_command_is_served_with_the_output_and_exit_status_of_one_in_a_jvm_of_its_own() throws Exception {
        Run mistakeAlone = plan("off", "no-such-stack");
        Run helpAlone = plan("off", "--help");
        assertThat(directory()).as("no server when turned off").doesNotExist();

        Run first = plan("on", "no-such-stack");
        Path log = waitForServer();
        Run mistake = plan("on", "no-such-stack");
        Run help = plan("on", "--help");

        assertThat(first.stderr()).isEqualTo(mistakeAlone.stderr());
        assertThat(mistake.status()).isEqualTo(1).isEqualTo(mistakeAlone.status());
        assertThat(mistake.stderr()).isEqualTo(mistakeAlone.stderr()).startsWith("error: ");
        assertThat(help.status()).isZero();
        assertThat(help.stdout()).isEqualTo(helpAlone.stdout()).contains("Usage: quest plan");
        String logged = Files.readString(log);
        assertThat(logged).contains("rehearsed plan no-such-stack",
                "plan no-such-stack in " + Path.of("").toAbsolutePath() + ": exit 1",
                "plan --help in " + Path.of("").toAbsolutePath() + ": exit 0");
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
