package io.quest.platform.release;

import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rollback STACK [--to DIGEST]}: pins STACK's image to one it ran before, in its stack file. */
@Command(name = "rollback",
        exitCodeOnInvalidInput = 1,
        mixinStandardHelpOptions = true,
        description = {
                "Pins the image STACK runs to one it ran before (the most recent earlier one, or --to DIGEST), by rewriting",
                "quest-platform:service.image in Pulumi.STACK.yaml. Lists the digests it ran. Commit the change and deploy it",
                "like any other. Exit 0, or 1 with the reason."})
public final class RollbackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STACK", description = "The stack to roll back (prod).")
    String stack;

    @Option(names = "--to", paramLabel = "DIGEST", description = "The digest to run (sha256:...); one the stack ran before.")
    String to;

    @Mixin
    ReleaseOptions options = new ReleaseOptions();

    private final PrintStream stdout;
    private final PrintStream stderr;

    public RollbackCommand() {
        this(System.out, System.err);
    }

    RollbackCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        try {
            Platform platform = options.platform();
            Releases releases = options.releases(platform, List.of(stack));
            List<ReleaseImage> earlier = releases.earlier(stack);
            earlier.forEach(image -> stderr.println("ran before: " + image.digest()));
            stdout.println(new Release(platform, releases, LocalDate.now()).rollback(stack, Optional.ofNullable(to), earlier).summary());
            return 0;
        } catch (PlanException | ReleaseException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        }
    }
}
