package io.quest.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JvmRelaunchTest {

    private static final Path JAR = Path.of("/work/project/target/quest-platform.jar");

    @Test
    void plain_java_jar_starts_a_tuned_jvm_on_the_same_jar_with_the_same_program_arguments() {
        var command = JvmRelaunch.command("/opt/jdk", List.of("-jar", "target/quest-platform.jar", "plan", "--format", "json"), JAR, Map.of(), false, Optional.empty(), 2);

        assertThat(command).contains(List.of("/opt/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn24m",
                "-XX:-UsePerfData", "-XX:CICompilerCount=1", "-Dquest.relaunched=true", "-jar", JAR.toString(), "plan", "--format", "json"));
    }

    @Test
    void one_compiler_thread_only_on_a_machine_of_two_processors_or_fewer() {
        List<String> arguments = List.of("-jar", "x.jar", "plan");

        assertThat(JvmRelaunch.command("/opt/jdk", arguments, JAR, Map.of(), false, Optional.empty(), 1).orElseThrow())
                .contains("-XX:CICompilerCount=1");
        assertThat(JvmRelaunch.command("/opt/jdk", arguments, JAR, Map.of(), false, Optional.empty(), 3).orElseThrow())
                .doesNotContain("-XX:CICompilerCount=1")
                .as("the rest of the tuning is the same").contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn24m");
    }

    @Test
    void the_language_host_command_without_program_arguments_is_relaunched_too() {
        var command = JvmRelaunch.command("/opt/jdk", List.of("-jar", "target/quest-platform.jar"), JAR, Map.of("PULUMI_MONITOR", "127.0.0.1:1"), false, Optional.empty(), 2);

        assertThat(command).hasValueSatisfying(c -> assertThat(c).endsWith("-jar", JAR.toString()));
    }

    @Test
    void jvm_options_the_user_chose_are_left_alone() {
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-Xmx2g", "-jar", "x.jar", "plan"), JAR, Map.of(), false, Optional.empty(), 2)).isEmpty();
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of("JAVA_TOOL_OPTIONS", "-Xmx2g"), false, Optional.empty(), 2)).isEmpty();
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of("JDK_JAVA_OPTIONS", "-XX:+UseG1GC"), false, Optional.empty(), 2)).isEmpty();
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of("_JAVA_OPTIONS", "-Xss4m"), false, Optional.empty(), 2)).isEmpty();
    }

    @Test
    void the_second_jvm_never_starts_a_third() {
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of(), true, Optional.empty(), 2)).isEmpty();
    }

    @Test
    void a_program_not_running_from_a_jar_runs_where_it_is() {
        Path classes = Path.of("/work/project/target/classes");

        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-cp", "target/classes", "io.quest.platform.Main"), classes, Map.of(), false, Optional.empty(), 2)).isEmpty();
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar"), null, Map.of(), false, Optional.empty(), 2)).isEmpty();
    }

    @Test
    void an_empty_tool_options_variable_is_no_choice() {
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of("JAVA_TOOL_OPTIONS", " "), false, Optional.empty(), 2)).isPresent();
    }

    @Test
    void the_archive_beside_the_jar_is_mapped_and_its_refusal_kept_off_standard_output() {
        Path archive = Path.of("/work/project/target/quest-platform.jsa");

        var command = JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of(), false, Optional.of(archive), 2);

        assertThat(command).hasValueSatisfying(c -> assertThat(c)
                .containsSubsequence("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-jar", JAR.toString(), "plan"));
    }

    @Test
    void the_archive_is_mapped_where_it_was_written_to_be_and_a_jvm_without_that_option_still_starts() {
        Path archive = Path.of("/work/project/target/quest-platform.jsa");

        var command = JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of(), false, Optional.of(archive), 2);

        assertThat(command).hasValueSatisfying(c -> assertThat(c).containsSubsequence("-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-jar", JAR.toString(), "plan"));
        assertThat(JvmRelaunch.command("/opt/jdk", List.of("-jar", "x.jar", "plan"), JAR, Map.of(), false, Optional.empty(), 2))
                .as("without an archive").hasValueSatisfying(c -> assertThat(c).doesNotContain("-XX:ArchiveRelocationMode=0"));
    }

    @Test
    void an_archive_is_used_only_when_it_is_beside_the_jar_and_not_older_than_it(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("quest-platform.jar"), "jar");
        Path archive = dir.resolve("quest-platform.jsa");
        assertThat(ClassDataArchive.beside(jar)).as("no archive").isEmpty();

        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:01Z")));
        assertThat(ClassDataArchive.beside(jar)).as("an archive of an older build of the jar").isEmpty();

        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T00:00:02Z")));
        assertThat(ClassDataArchive.beside(jar)).contains(archive);
    }

    @Test
    void the_launcher_arguments_are_every_nul_ended_string_after_the_executable() {
        byte[] cmdline = "/usr/bin/java\0-jar\0target/quest-platform.jar\0plan\0a b\0\0".getBytes(StandardCharsets.UTF_8);

        assertThat(JvmRelaunch.commandLineArguments(cmdline))
                .containsExactly("-jar", "target/quest-platform.jar", "plan", "a b", "");
        assertThat(JvmRelaunch.commandLineArguments(new byte[0])).isEmpty();
    }

    @Test
    void the_launcher_arguments_are_those_the_jdk_reports_for_this_process() {
        assertThat(JvmRelaunch.launcherArguments())
                .isEqualTo(ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()));
    }

    @Test
    void this_jdk_starts_with_every_option_the_second_jvm_is_given() throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmRelaunch.OPTIONS);
        command.addAll(JvmRelaunch.FEW_PROCESSORS);
        command.add("-version");

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as(output).isZero();
    }
}
