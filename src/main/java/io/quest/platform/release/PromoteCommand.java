package io.quest.platform.release;

import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code promote FROM TO}: pins TO's image to the digest FROM runs healthily, in TO's stack file. */
@Command(name = "promote",
        exitCodeOnInvalidInput = 1,
        mixinStandardHelpOptions = true,
        description = {
                "Pins the image stack TO runs to the exact digest stack FROM runs, by rewriting quest-platform:service.image",
                "in Pulumi.TO.yaml, once FROM's last update succeeded (it waits for steady state). Commit the change and open",
                "a pull request: its preview is what prod will run. Exit 0, or 1 with the reason."})
public final class PromoteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FROM", description = "The stack whose image is promoted (dev).")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The stack that will run it (prod).")
    String to;

    @Mixin
    ReleaseOptions options = new ReleaseOptions();

    private final PrintStream stdout;
    private final PrintStream stderr;

    public PromoteCommand() {
        this(System.out, System.err);
    }

    PromoteCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        try {
            Platform platform = options.platform();
            Releases releases = options.releases(platform, List.of(from, to));
            stdout.println(new Release(platform, releases, LocalDate.now()).promote(from, to).summary());
            return 0;
        } catch (PlanException | ReleaseException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        }
    }
}
