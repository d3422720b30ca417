package io.quest.platform.release;

import io.quest.platform.plan.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code review PR}: writes the stack file of a pull request's review environment, {@code Pulumi.pr-<PR>.yaml}. */
@Command(name = "review",
        exitCodeOnInvalidInput = 1,
        mixinStandardHelpOptions = true,
        description = {
                "Writes Pulumi.pr-PR.yaml, the review environment of pull request PR: the service alone, running the image the",
                "environment runs, in the environment's account, on its network and behind its load balancer (pr-PR.<its domain>,",
                "or the path /pr-PR/), with no account-level singletons, tagged quest:expires-at. Exit 0, or 1 with the reason."})
public final class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PR", description = "The pull request's number (a positive whole number).")
    String pullRequest;

    @Option(names = "--environment", paramLabel = "STACK", defaultValue = "dev",
            description = "The environment stack whose account, network, load balancer and image it uses (default: dev).")
    String environment = "dev";

    @Option(names = "--ttl-days", paramLabel = "DAYS", defaultValue = "7",
            description = "Days until the stack expires (its quest:expires-at tag), 1 to 90 (default: 7).")
    int ttlDays = ReviewEnvironment.DEFAULT_TTL_DAYS;

    @Option(names = "--cwd", paramLabel = "DIR", defaultValue = ".", description = "The directory of Pulumi.yaml (default: the working directory).")
    Path cwd = Path.of(".");

    private final PrintStream stdout;
    private final PrintStream stderr;

    public ReviewCommand() {
        this(System.out, System.err);
    }

    ReviewCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        try {
            int number = ReviewEnvironment.pullRequest(pullRequest);
            stdout.println(ReviewEnvironment.write(cwd, number, environment, ttlDays, Instant.now()).summary());
            return 0;
        } catch (PlanException | ReleaseException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        }
    }
}
