package io.quest.platform.ci;

import io.quest.platform.plan.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code stacks}: the stacks CI previews and deploys, from the project's stack files, with the GitHub
 * environment and CI role of each. The workflows build their deploy matrix from it.
 */
@Command(name = "stacks",
        exitCodeOnInvalidInput = 1,
        mixinStandardHelpOptions = true,
        description = {
                "Lists the stacks CI previews and deploys (every stack but the shared stack), in dependency order,",
                "with the GitHub environment each deploy job runs in and the CI role it assumes.",
                "Exit 0, or 1 on a configuration error."})
public final class StacksCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--github-output", paramLabel = "FILE",
            description = "Also append the workflow outputs (matrix, stacks, preview-role-arn, aws-region) to FILE, the job's $GITHUB_OUTPUT.")
    Path githubOutput;

    @Option(names = "--cwd", paramLabel = "DIR", defaultValue = ".", description = "The directory of Pulumi.yaml (default: the working directory).")
    Path cwd;

    /** How the list is printed. */
    enum Format {
        /** One line per stack: stack, environment, account, region, deploy role. */
        text,
        /** {@link CiStacks#toJson()}. */
        json
    }

    private final PrintStream stdout;
    private final PrintStream stderr;

    public StacksCommand() {
        this(System.out, System.err);
    }

    StacksCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        CiStacks ci;
        try {
            ci = CiStacks.load(cwd);
        } catch (PlanException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        }
        if (format == Format.json) {
            stdout.println(ci.toJson());
        } else {
            stdout.printf("repository %s; pull requests preview through %s (%s)%n", ci.repository(), ci.previewRoleArn(), ci.region());
            for (CiStack s : ci.stacks()) {
                stdout.printf("%-16s environment %-12s account %s  %-14s deploys through %s%n",
                        s.stack(), s.environment(), s.account(), s.region(), s.deployRoleArn());
            }
        }
        if (githubOutput != null) {
            StringBuilder lines = new StringBuilder();
            for (Map.Entry<String, String> output : ci.githubOutputs().entrySet()) {
                lines.append(output.getKey()).append('=').append(output.getValue()).append('\n');
            }
            try {
                Files.writeString(githubOutput, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                stderr.println("error: cannot append to --github-output " + githubOutput + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }
}
