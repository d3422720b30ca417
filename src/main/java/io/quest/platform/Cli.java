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

/** The command-line face of the jar: {@code plan}, and the commands that review and apply previews. */
@Command(
        name = "quest",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = 1,
        version = "Quest Platform 0.1.0",
        description = "Plans, reviews and deploys the Quest Platform stacks.",
        subcommands = {
                PlanCommand.class,
                GateCommand.class,
                DeployCommand.class,
                StacksCommand.class,
                PromoteCommand.class,
                RollbackCommand.class,
                ReviewCommand.class,
        })
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        return new CommandLine(new Cli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
