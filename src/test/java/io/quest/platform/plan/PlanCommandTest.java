package io.quest.platform.plan;

import io.quest.platform.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return run(false, args);
    }

    private int run(boolean stderrIsTerminal, String... args) {
        var command = new picocli.CommandLine(new PlanCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stderrIsTerminal));
        return command.execute(args);
    }

    @Test
    void a_config_error_exits_1_with_the_message_and_no_stack_trace(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), """
                config:
                  aws:region: eu-west-1
                  quest-platform:account: "222222222222"
                  quest-platform:network:
                    cidr: 10.300.0.0/16
                """);

        int exit = run("--cwd", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("quest-platform:network.cidr: \"10.300.0.0/16\" is not an IPv4 CIDR")
                .doesNotContain("Exception", "\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_directory_without_a_project_is_a_clear_error(@TempDir Path dir) {
        assertThat(run("--cwd", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no Pulumi.yaml in");
    }

    @Test
    void out_writes_one_file_per_stack_and_format(@TempDir Path dir) throws Exception {
        int exit = run("shared", "--format", "markdown", "--out", dir.toString());

        assertThat(exit).isZero();
        assertThat(dir.resolve("plan-shared.md")).exists();
        assertThat(Files.readString(dir.resolve("plan-shared.md"))).contains("## Stack `shared`", "```mermaid");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void results_go_to_stdout_and_stderr_off_a_terminal_has_only_the_summary() {
        int exit = run("dev", "--format", "text");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Stack shared", "Stack dev", "quest:network:Network  dev");
        assertThat(err.toString(StandardCharsets.UTF_8)).matches("planned 2 stacks \\(\\d+ resources\\) in \\d+ ms\n");
    }

    @Test
    void on_a_terminal_each_stack_shows_in_one_line_rewritten_in_place_and_cleared_at_the_end() {
        int exit = run(true, "dev", "--format", "text");

        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(shown).contains("\r\033[Kplanning shared (1/2), 0 resources so far", "\r\033[Kplanned shared (1/2): ",
                "\r\033[Kplanning dev (2/2), ", "\r\033[Kplanned dev (2/2): ");
        assertThat(shown).matches("(?s).*\r\033\\[Kplanned 2 stacks \\(\\d+ resources\\) in \\d+ ms\n");
        assertThat(shown.indexOf('\n')).as("one line, ended once").isEqualTo(shown.length() - 1);
    }

    @Test
    void the_root_command_knows_plan() {
        assertThat(Cli.commandLine("").getSubcommands()).containsKey("plan");
    }

    @Test
    void usage_errors_exit_1_so_they_never_read_as_a_gate_verdict() {
        assertThat(Cli.execute("no-such-command")).isEqualTo(1);
        assertThat(run("--format", "yaml")).isEqualTo(1);
    }
}
