package io.quest.platform.approval;

import io.quest.platform.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int gate(String... args) {
        GateCommand command = new GateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path fixture(String name) throws IOException {
        return Files.writeString(dir.resolve(name), Fixtures.text(name));
    }

    private String[] args(Path preview, String stack, String... more) {
        List<String> args = new ArrayList<>(List.of(preview.toString(), "--stack", stack, "--production", "false"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void exitsTwoWhenApprovalIsNeededAndZeroWithTheDigestItPrinted() throws IOException {
        Path preview = fixture(Fixtures.DELETES);

        assertThat(gate(args(preview, "dev", "--format", "json"))).isEqualTo(2);
        String digest = stdout().replaceAll("(?s).*\"digest\" : \"([0-9a-f]{64})\".*", "$1");
        assertThat(digest).hasSize(64);

        assertThat(gate(args(preview, "dev", "--approve", digest))).isZero();
        assertThat(gate(args(preview, "dev", "--approve", "sha256:" + digest))).isZero();
    }

    @Test
    void exitsTwoWhenTheApprovalNamesAnotherPreview() throws IOException {
        String otherDigest = PreviewDigest.of(Fixtures.preview(Fixtures.SG_REPLACE));

        assertThat(gate(args(fixture(Fixtures.DELETES), "dev", "--approve", otherDigest))).isEqualTo(2);
        assertThat(stdout()).contains("the approval given names another digest");
    }

    @Test
    void exitsThreeWhenBlockedWhateverTheApproval() throws IOException {
        Path preview = fixture(Fixtures.PROTECTED_REPLACE);
        String digest = PreviewDigest.of(Fixtures.preview(Fixtures.PROTECTED_REPLACE));

        assertThat(gate(args(preview, "test", "--approve", digest))).isEqualTo(3);
        assertThat(stdout()).startsWith("stack test: blocked (exit 3)");
    }

    @Test
    void readsWhetherTheStackIsProductionFromItsStackFile() throws IOException {
        TestProject.write(dir, Map.of());
        Path preview = Files.writeString(dir.resolve("prod.json"), """
                {"steps": [{"op": "update", "urn": "urn:pulumi:prod::quest-platform::aws:ecs/service:Service::web",
                  "diffReasons": ["desiredCount"]}]}
                """);

        assertThat(gate(preview.toString(), "--stack", "prod", "--cwd", dir.toString())).isEqualTo(2);
        assertThat(stdout()).contains("production stack: every change except tags needs approval");
    }

    @Test
    void malformedInputExitsOneWithAMessageAndNoStackTrace() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"steps\": [");

        assertThat(gate(args(broken, "dev"))).isEqualTo(1);
        assertThat(stderr()).startsWith("error: " + broken + " line 1 is not JSON (")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMissingFileExitsOne() {
        Path missing = dir.resolve("nope.json");

        assertThat(gate(args(missing, "dev"))).isEqualTo(1);
        assertThat(stderr()).startsWith("error: cannot read " + missing + " (NoSuchFileException:");
    }

    @Test
    void aPreviewOfAnotherStackIsRefused() throws IOException {
        Path preview = fixture(Fixtures.DELETES);

        assertThat(gate(args(preview, "prod"))).isEqualTo(1);
        assertThat(stderr()).isEqualTo("error: " + preview + " is a preview of stack dev, not of prod;"
                + " pass the preview of prod or --stack dev\n");
    }

    @Test
    void aBadApprovalOrFormatExitsOne() throws IOException {
        Path preview = fixture(Fixtures.DELETES);

        assertThat(gate(args(preview, "dev", "--approve", "abc123"))).isEqualTo(1);
        assertThat(stderr()).contains("\"abc123\" is not a preview digest; expected the 64 hex digits the gate printed");
        assertThat(gate(args(preview, "dev", "--format", "yaml"))).isEqualTo(1);
        assertThat(stderr()).contains("--format yaml is not a report format; expected text, markdown or json");
    }

    @Test
    void usageErrorsThroughTheRootCommandExitOne() {
        assertThat(Cli.execute("gate", "--stack")).isEqualTo(1);
        assertThat(Cli.execute("gate", "preview.json")).isEqualTo(1);
    }
}
