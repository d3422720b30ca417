package io.quest.platform.plan;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

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
    private final Path workingDirectory;
    private final BooleanSupplier clientGone;

    /** The exit status of a command whose client went away before it was done, as of a process ended by Ctrl-C. */
    public static final int CANCELLED = 130;

    public PlanCommand() {
        this(System.out, System.err, Terminal.isTerminal(Terminal.STDERR));
    }

    PlanCommand(PrintStream stdout, PrintStream stderr, boolean stderrIsTerminal) {
        this(stdout, stderr, stderrIsTerminal, Path.of(""), () -> false);
    }

    private PlanCommand(PrintStream stdout, PrintStream stderr, boolean stderrIsTerminal, Path workingDirectory,
                        BooleanSupplier clientGone) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.stderrIsTerminal = stderrIsTerminal;
        this.workingDirectory = workingDirectory;
        this.clientGone = clientGone;
    }

    /**
     * The command as another process would run it: its output goes to these streams, and the paths it is given
     * ({@code --cwd}, {@code --out}) are relative to {@code workingDirectory}, that process's working directory, while
     * its messages show them as they were given. A plan server runs a client's plan this way. When
     * {@code clientGone} says the client went away (its user pressed Ctrl-C), the command ends with {@link #CANCELLED}
     * before planning or after it, printing nothing and writing no file, as the client's own JVM would have been
     * stopped before it wrote them.
     */
    public static PlanCommand forClient(PrintStream stdout, PrintStream stderr, boolean stderrIsTerminal, Path workingDirectory,
                                        BooleanSupplier clientGone) {
        return new PlanCommand(stdout, stderr, stderrIsTerminal, workingDirectory, clientGone);
    }

    /**
     * Plans as {@code plan ARGUMENTS...} would, in {@code workingDirectory}, and throws the result away: nothing is
     * printed and no file is written, whatever {@code --out} says. A plan server runs this once when it starts, so
     * that the first plan it serves finds its code loaded and compiled. Arguments that do not parse plan nothing.
     */
    public static void rehearse(Path workingDirectory, List<String> arguments) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        PlanCommand command = new PlanCommand(discard, discard, false, workingDirectory, () -> false);
        try {
            new CommandLine(command).parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return;
        }
        command.out = null;
        command.call();
    }

    @Override
    public Integer call() {
        if (clientGone.getAsBoolean()) {
            return CANCELLED;
        }
        Progress progress = new Progress(stderr, stderrIsTerminal);
        try {
            long start = System.nanoTime();
            Project project = Project.load(workingDirectory.resolve(cwd));
            Plan plan = new PlanEngine(progress).plan(project, stacks);
            progress.done();
            if (clientGone.getAsBoolean()) {
                return CANCELLED;
            }
            if (out == null) {
                stdout.print(format.render(plan));
            } else {
                Files.createDirectories(workingDirectory.resolve(out));
                for (StackPlan stack : plan.stacks()) {
                    Path file = out.resolve("plan-" + stack.stack() + "." + format.extension());
                    Files.writeString(workingDirectory.resolve(file), format.render(plan, stack));
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
