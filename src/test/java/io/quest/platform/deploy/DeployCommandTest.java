package io.quest.platform.deploy;

import io.quest.platform.approval.PreviewDigest;
import io.quest.platform.approval.PreviewParser;
import io.quest.platform.approval.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy command end to end through the real {@link PulumiCli} adapter, with a stand-in {@code pulumi}
 * script that prints recorded previews and logs every command it is given.
 */
@DisabledOnOs(OS.WINDOWS)
class DeployCommandTest {

    @TempDir
    Path dir;

    private Path log;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void project() throws IOException {
        TestProject.write(dir, Map.of());
        log = dir.resolve("pulumi.log");
        Path script = dir.resolve("fake-pulumi");
        Files.writeString(script, """
                #!/bin/sh
                # Stand-in for the Pulumi CLI: logs its arguments; preview prints previews/<stack>.json.
                echo "$*" >> "%s"
                command="$1"
                stack=""
                while [ $# -gt 0 ]; do
                  if [ "$1" = "--stack" ]; then stack="$2"; fi
                  shift
                done
                case "$command" in
                  preview) cat "previews/$stack.json" ;;
                  up) echo "Updating ($stack)" ;;
                esac
                """.formatted(log));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("previews"));
    }

    private void preview(String stack, String json) throws IOException {
        Files.writeString(dir.resolve("previews").resolve(stack + ".json"), json);
    }

    private static String creates(String stack) {
        return """
                {"steps": [{"op": "create", "urn": "urn:pulumi:%s::quest-platform::aws:ecs/cluster:Cluster::%s",
                  "newState": {"type": "aws:ecs/cluster:Cluster", "inputs": {"name": "%s"}}}]}
                """.formatted(stack, stack, stack);
    }

    private int deploy(String... args) {
        DeployCommand command = new DeployCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cwd", dir.toString(), "--pulumi", dir.resolve("fake-pulumi").toString()));
        return new CommandLine(command).execute(all.toArray(String[]::new));
    }

    private List<String> pulumiCalls() throws IOException {
        return Files.readAllLines(log);
    }

    @Test
    void deploysSharedThenDevThenStopsAtProdWhichNeedsApproval() throws IOException {
        preview("shared", creates("shared"));
        preview("dev", creates("dev"));
        preview("prod", creates("prod"));
        String prodDigest = PreviewDigest.of(PreviewParser.parse(creates("prod"), "prod"));

        int exit = deploy("--out", dir.resolve("reports").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(pulumiCalls()).containsExactly(
                "preview --json --non-interactive --stack shared", "preview --json --non-interactive --stack shared",
                "up --yes --skip-preview --non-interactive --stack shared",
                "preview --json --non-interactive --stack dev", "preview --json --non-interactive --stack dev",
                "up --yes --skip-preview --non-interactive --stack dev",
                "preview --json --non-interactive --stack prod");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("prod: needs approval - needs approval: 1 change needs"
                + " approval and no approval was given for prod; after review, run again with --approve prod=" + prodDigest);
        assertThat(dir.resolve("reports/gate-prod.md")).content().contains("production stack");
    }

    @Test
    void deploysProdWithTheReviewedDigest() throws IOException {
        preview("shared", "{\"steps\": []}");
        preview("prod", creates("prod"));
        String prodDigest = PreviewDigest.of(PreviewParser.parse(creates("prod"), "prod"));

        int exit = deploy("prod", "--approve", "prod=" + prodDigest);

        assertThat(exit).isZero();
        assertThat(pulumiCalls()).filteredOn(line -> line.startsWith("up"))
                .containsExactly("up --yes --skip-preview --non-interactive --stack shared",
                        "up --yes --skip-preview --non-interactive --stack prod");
    }

    @Test
    void previewOnlyRunsNoUp() throws IOException {
        preview("shared", creates("shared"));
        preview("dev", creates("dev"));
        preview("prod", creates("prod"));

        assertThat(deploy("--preview-only")).isEqualTo(2);
        assertThat(pulumiCalls()).hasSize(3).noneMatch(line -> line.startsWith("up"));
    }

    @Test
    void anApprovalForAStackOutsideTheDeployIsRejected() {
        assertThat(deploy("dev", "--approve", "prod=" + "a".repeat(64))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: --approve names stack prod, which this deploy does not include (shared, dev)\n");
    }

    @Test
    void aMissingPulumiCliFailsWithExitOneNamingTheCommand() {
        DeployCommand command = new DeployCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(command).execute("--cwd", dir.toString(), "--pulumi", dir.resolve("no-such-pulumi").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("shared: failed - cannot run "
                + dir.resolve("no-such-pulumi") + " preview --json --non-interactive --stack shared in " + dir);
    }
}
