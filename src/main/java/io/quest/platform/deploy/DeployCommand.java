package io.quest.platform.deploy;

import io.quest.platform.approval.ProjectStacks;
import io.quest.platform.approval.ReportFormat;
import io.quest.platform.plan.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** {@code deploy [STACK...]}: preview, gate and apply exactly the reviewed plan of each requested stack. */
@Command(name = "deploy",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = 1,
        exitCodeOnExecutionException = 1,
        description = {
                "Applies the requested stacks in dependency order. Each is previewed once with its update plan saved,",
                "gated, and applied with `pulumi up --plan` (only what the preview showed) when the gate applies it or an",
                "--approve names its digest; a failed preview is refused and a stack without changes is skipped.",
                "Stacks the requested ones only read (prod reads shared and dev) are never applied: they must be deployed",
                "already and are checked to have outputs. Stops at the first stack that is not applied.",
                "Needs the Pulumi CLI (3.154.0 or later) on PATH, logged in to the state backend.",
                "Exit 0: every stack deployed, unchanged or (preview only) would apply; 2: an approval is missing or stale;",
                "3: blocked or the preview failed; 1: bad input, a read stack not deployed, or a Pulumi command failed."})
public final class DeployCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "STACK", description = "Stacks to apply (default: every Pulumi.<stack>.yaml); the stacks they read are checked, not applied.")
    List<String> stacks = new ArrayList<>();

    @Option(names = "--approve", paramLabel = "STACK=DIGEST", description = "An approved preview digest for a stack this deploy applies; repeat per stack.")
    List<String> approvals = new ArrayList<>();

    @Option(names = "--preview-only", description = "Preview and gate every requested stack; apply nothing.")
    boolean previewOnly;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write each stack's gate report as gate-<stack>.md and gate-<stack>.json here.")
    Path out;

    @Option(names = "--cwd", paramLabel = "DIR", defaultValue = ".", description = "The directory of Pulumi.yaml (default: the working directory).")
    Path cwd;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final BiFunction<Path, Consumer<String>, StackOperations> operations;

    public DeployCommand() {
        this(System.out, System.err, PulumiAutomation::new);
    }

    DeployCommand(PrintStream stdout, PrintStream stderr, BiFunction<Path, Consumer<String>, StackOperations> operations) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.operations = operations;
    }

    @Override
    public Integer call() {
        Path plans = null;
        try {
            Map<String, String> approved = StackApprovals.parse(approvals);
            ProjectStacks project = ProjectStacks.load(cwd);
            DeployScope scope = DeployScope.of(project, stacks);
            for (String stack : approved.keySet()) {
                if (!scope.applies(stack)) {
                    throw new IllegalArgumentException("--approve names stack " + stack + ", which this deploy does not apply ("
                            + String.join(", ", scope.applied()) + (scope.order().contains(stack) ? "; it only reads " + stack : "")
                            + "); approve only the stacks it applies");
                }
            }
            try {
                plans = planDirectory();
            } catch (IOException e) {
                stderr.println("error: cannot create a private temporary directory for the update plans: " + e.getMessage());
                return 1;
            }
            DeployOrchestrator orchestrator = new DeployOrchestrator(operations.apply(cwd, stderr::println), project, plans, stderr::println);
            DeployResult result = orchestrator.deploy(stacks, approved, previewOnly);
            for (StackOutcome outcome : result.stacks()) {
                stdout.println(outcome.stack() + ": " + outcome.status().label() + " - " + outcome.message());
                outcome.report().ifPresent(report -> stdout.print(ReportFormat.TEXT.render(report)));
                if (out != null && outcome.report().isPresent()) {
                    Files.createDirectories(out);
                    Files.writeString(out.resolve("gate-" + outcome.stack() + ".md"), ReportFormat.MARKDOWN.render(outcome.report().get()));
                    Files.writeString(out.resolve("gate-" + outcome.stack() + ".json"), ReportFormat.JSON.render(outcome.report().get()));
                }
            }
            return result.exitCode();
        } catch (PlanException | IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            stderr.println("error: cannot write the gate reports to " + out + ": " + e.getMessage());
            return 1;
        } finally {
            delete(plans);
        }
    }

    /**
     * A fresh directory, readable by this user only, for the update plans between each preview and its up. A plan
     * holds the planned inputs, with secrets encrypted by the stack's secrets provider.
     */
    private static Path planDirectory() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory("quest-deploy-plans-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("quest-deploy-plans-");
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the directory is private to this user and under the system temporary directory.
        }
    }
}
