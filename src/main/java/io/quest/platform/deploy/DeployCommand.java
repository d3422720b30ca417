package io.quest.platform.deploy;

import io.quest.platform.approval.ProjectStacks;
import io.quest.platform.approval.ReportFormat;
import io.quest.platform.plan.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code deploy [STACK...]}: preview, gate and apply stacks in dependency order. */
@Command(name = "deploy",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = 1,
        exitCodeOnExecutionException = 1,
        description = {
                "Previews each stack in dependency order (shared, dev, prod), gates the preview, and runs `pulumi up`",
                "only when it applies or an --approve names its digest; re-previews just before up and refuses if the",
                "digest moved. Stops at the first stack that is not approved. Needs the Pulumi CLI, logged in.",
                "Exit 0: every stack deployed (or would apply); 2: an approval is missing or the preview moved;",
                "3: blocked; 1: bad input or a Pulumi command failed."})
public final class DeployCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "STACK", description = "Stacks to deploy (default: every Pulumi.<stack>.yaml); the stacks they read come first.")
    List<String> stacks = new ArrayList<>();

    @Option(names = "--approve", paramLabel = "STACK=DIGEST", description = "An approved preview digest for a stack; repeat per stack.")
    List<String> approvals = new ArrayList<>();

    @Option(names = "--preview-only", description = "Preview and gate every stack; apply nothing.")
    boolean previewOnly;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write each stack's gate report as gate-<stack>.md and gate-<stack>.json here.")
    Path out;

    @Option(names = "--cwd", paramLabel = "DIR", defaultValue = ".", description = "The directory of Pulumi.yaml (default: the working directory).")
    Path cwd;

    @Option(names = "--pulumi", paramLabel = "PATH", defaultValue = "pulumi", description = "The Pulumi CLI (default: ${DEFAULT-VALUE} on PATH).")
    String pulumi;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public DeployCommand() {
        this(System.out, System.err);
    }

    DeployCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        try {
            Map<String, String> approved = StackApprovals.parse(approvals);
            ProjectStacks project = ProjectStacks.load(cwd);
            List<String> order = project.order(stacks);
            for (String stack : approved.keySet()) {
                if (!order.contains(stack)) {
                    throw new IllegalArgumentException("--approve names stack " + stack + ", which this deploy does not include ("
                            + String.join(", ", order) + ")");
                }
            }
            DeployOrchestrator orchestrator = new DeployOrchestrator(new PulumiCli(pulumi, cwd), project, stderr::println);
            DeployResult result = orchestrator.deploy(stacks, approved, previewOnly);
            for (StackOutcome outcome : result.stacks()) {
                stdout.println(outcome.stack() + ": " + outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " - " + outcome.message());
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
        }
    }
}
