package io.quest.platform;

import io.quest.platform.approval.GateCommand;
import io.quest.platform.ci.StacksCommand;
import io.quest.platform.deploy.DeployCommand;
import io.quest.platform.plan.PlanCommand;
import io.quest.platform.release.PromoteCommand;
import io.quest.platform.release.ReviewCommand;
import io.quest.platform.release.RollbackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The command-line face of the jar: {@code plan}, and the commands that review and apply previews. */
@Command(
        name = "quest",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = 1,
        version = "Quest Platform 0.1.0",
        description = "Plans, reviews and deploys the Quest Platform stacks.")
public final class Cli implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            PlanCommand.class,
            GateCommand.class,
            DeployCommand.class,
            StacksCommand.class,
            PromoteCommand.class,
            RollbackCommand.class,
            ReviewCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        return commandLine(args.length == 0 ? "" : args[0]).execute(args);
    }

    /**
     * The command line for arguments that start with {@code first}: only the subcommand it names, when it names one.
     * Picocli builds a subcommand's model by reflection over its annotations as the subcommand is added, which cost
     * every plan about a fifth of a second of CPU for the six subcommands it did not run (scripts/benchmark-plan.sh,
     * one stack). Any other first argument (none, {@code --help}, {@code --version}, a typo) gets them all, so the
     * usage and the "did you mean" suggestions are those of the whole tool.
     */
    public static CommandLine commandLine(String first) {
        return commandLine(first, CommandLine.defaultFactory());
    }

    /** {@link #commandLine(String)}, its commands made by {@code factory}. */
    static CommandLine commandLine(String first, CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Cli(), factory);
        List<Class<?>> named = SUBCOMMANDS.stream().filter(command -> name(command).equals(first)).toList();
        (named.isEmpty() ? SUBCOMMANDS : named).forEach(cli::addSubcommand);
        return cli;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
