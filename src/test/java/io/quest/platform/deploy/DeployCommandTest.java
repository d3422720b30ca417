package io.quest.platform.deploy;

import io.quest.platform.approval.PreviewDigest;
import io.quest.platform.approval.PreviewParser;
import io.quest.platform.approval.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The deploy command on a project on disk (its stack files decide order and reads), with the Pulumi operations mocked. */
class DeployCommandTest {

    @TempDir
    Path dir;

    private final StackOperations operations = mock(StackOperations.class);
    private final List<Path> workDirs = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void project() {
        TestProject.write(dir, Map.of());
    }

    private static String creates(String stack) {
        return """
                {"steps": [{"op": "create", "urn": "urn:pulumi:%s::quest-platform::aws:ecs/cluster:Cluster::%s",
                  "newState": {"type": "aws:ecs/cluster:Cluster", "inputs": {"name": "%s"}}}]}
                """.formatted(stack, stack, stack);
    }

    private static String digest(String json) {
        return PreviewDigest.of(PreviewParser.parse(json, "test"));
    }

    private int deploy(String... args) {
        return deployIn(dir, args);
    }

    private int deployIn(Path project, String... args) {
        DeployCommand command = new DeployCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (workDir, progress) -> {
                    workDirs.add(workDir);
                    return operations;
                });
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cwd", project.toString()));
        return new CommandLine(command).execute(all.toArray(String[]::new));
    }

    /** The repository's own stacks: prod reads shared (accounts, roles) and dev (the image it promotes). */
    @Test
    void deployProdAppliesOnlyProdWithThePlanOfItsGatedPreviewAndRemovesThePlanAfterwards() {
        Path repository = Path.of("").toAbsolutePath();
        when(operations.outputs(anyString())).thenReturn(Set.of("someOutput"));
        when(operations.preview(eq("prod"), any())).thenReturn(PreviewRun.succeeded(creates("prod")));

        int exit = deployIn(repository, "prod", "--approve", "prod=" + digest(creates("prod")), "--out", dir.resolve("reports").toString());

        assertThat(exit).isZero();
        ArgumentCaptor<Path> previewPlan = ArgumentCaptor.forClass(Path.class);
        ArgumentCaptor<Path> upPlan = ArgumentCaptor.forClass(Path.class);
        verify(operations).preview(eq("prod"), previewPlan.capture());
        verify(operations).up(eq("prod"), upPlan.capture());
        assertThat(upPlan.getValue()).isEqualTo(previewPlan.getValue()).hasFileName("prod.plan.json");
        assertThat(previewPlan.getValue().getParent()).doesNotExist();
        verify(operations, never()).preview(eq("dev"), any());
        verify(operations, never()).up(eq("dev"), any());
        verify(operations, never()).up(eq("shared"), any());
        assertThat(workDirs).containsExactly(repository);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("shared: read only - read only, not previewed or applied: prod reads shared")
                .contains("dev: read only - read only, not previewed or applied: prod reads dev and expects it deployed already")
                .contains("prod: deployed - deployed the reviewed plan (approved by digest " + digest(creates("prod")) + ")");
        assertThat(dir.resolve("reports/gate-prod.md")).content().contains("production stack");
        assertThat(dir.resolve("reports/gate-dev.md")).doesNotExist();
    }

    @Test
    void withoutStacksEveryStackIsApplied() {
        for (String stack : List.of("shared", "dev", "prod")) {
            when(operations.preview(eq(stack), any())).thenReturn(PreviewRun.succeeded(creates(stack)));
        }

        int exit = deploy();

        assertThat(exit).isEqualTo(2);
        verify(operations).up(eq("shared"), any());
        verify(operations).up(eq("dev"), any());
        verify(operations, never()).up(eq("prod"), any());
        verify(operations, never()).outputs(anyString());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("prod: needs approval - needs approval: 1 change needs"
                + " approval and no approval was given for prod; nothing was applied to prod; after review, run again with"
                + " --approve prod=" + digest(creates("prod")));
    }

    @Test
    void anApprovalForAStackTheDeployOnlyReadsIsRejected() {
        assertThat(deployIn(Path.of("").toAbsolutePath(), "prod", "--approve", "dev=" + "a".repeat(64))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: --approve names stack dev, which this deploy"
                + " does not apply (prod; it only reads dev); approve only the stacks it applies\n");
        verifyNoInteractions(operations);
    }

    @Test
    void anApprovalForAStackOutsideTheDeployIsRejected() {
        assertThat(deploy("dev", "--approve", "prod=" + "a".repeat(64))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: --approve names stack prod, which this deploy"
                + " does not apply (dev); approve only the stacks it applies\n");
        verifyNoInteractions(operations);
    }
}
