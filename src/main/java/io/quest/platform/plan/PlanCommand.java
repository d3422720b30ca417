package io.quest.platform.plan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code plan [STACK...]}: the whole platform, or some stacks and what they read, planned offline. */
@Command(name = "plan",
        exitCodeOnInvalidInput = 1,
        mixinStandardHelpOptions = true,
        description = {
                "Plans stacks offline: runs the real program against a mock cloud that answers like AWS,",
                "in dependency order, feeding each stack's outputs into the stacks that read it.",
                "Exit 0 when every stack plans, 1 on a configuration or program error."})
public final class PlanCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "STACK", description = "Stacks to plan (default: every Pulumi.<stack>.yaml).")
    List<String> stacks = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    PlanFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one file per stack and format (plan-<stack>.<ext>) here instead of printing.")
    Path out;

    @Option(names = "--cwd", paramLabel = "DIR", defaultValue = ".", description = "The directory of Pulumi.yaml (default: the working directory).")
    Path cwd;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final boolean stderrIsTerminal;

    public PlanCommand() {
        this(System.out, System.err, Progress.stderrIsTerminal());
    }

    PlanCommand(PrintStream stdout, PrintStream stderr, boolean stderrIsTerminal) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.stderrIsTerminal = stderrIsTerminal;
    }

    @Override
    public Integer call() {
        Progress progress = new Progress(stderr, stderrIsTerminal);
        try {
            long start = System.nanoTime();
            Project project = Project.load(cwd);
            Plan plan = new PlanEngine(progress).plan(project, stacks);
            progress.done();
            if (out == null) {
                stdout.print(format.render(plan));
            } else {
                Files.createDirectories(out);
                for (StackPlan stack : plan.stacks()) {
                    Path file = out.resolve("plan-" + stack.stack() + "." + format.extension());
                    Files.writeString(file, format.render(plan, stack));
                    stderr.println("wrote " + file);
                }
            }
            stderr.printf("planned %d stacks (%d resources) in %d ms%n", plan.stacks().size(),
                    plan.stacks().stream().mapToInt(s -> s.resources().size()).sum(), (System.nanoTime() - start) / 1_000_000);
            return 0;
        } catch (PlanException e) {
            progress.done();
            stderr.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            stderr.println("error: cannot write the plan: " + e.getMessage());
            return 1;
        }
    }
}
