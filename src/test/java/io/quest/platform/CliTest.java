package io.quest.platform;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @Test
    void a_named_subcommand_is_the_only_one_built() {
        assertThat(Cli.commandLine("plan").getSubcommands()).containsOnlyKeys("plan");
        assertThat(Cli.commandLine("gate").getSubcommands()).containsOnlyKeys("gate");
    }

    @Test
    void anything_else_gets_every_subcommand_in_usage_order() {
        for (String first : new String[] {"", "--help", "--version", "pla", "PLAN"}) {
            assertThat(Cli.commandLine(first).getSubcommands().keySet()).as(first)
                    .containsExactly("plan", "gate", "deploy", "stacks", "promote", "rollback", "review");
        }
    }

    @Test
    void the_usage_lists_every_subcommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = Cli.commandLine("--help");
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsSubsequence("plan", "gate", "deploy", "stacks", "promote", "rollback", "review");
    }

    @Test
    void a_mistyped_subcommand_is_a_usage_error_with_a_suggestion() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Cli.commandLine("pla");
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("pla")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pla").contains("plan");
    }
}
