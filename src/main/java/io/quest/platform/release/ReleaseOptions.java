package io.quest.platform.release;

import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.Platform;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** What {@code promote} and {@code rollback} share: where the project is, and where what the stacks run is read. */
final class ReleaseOptions {

    @Option(names = "--offline", description = "Read what the stacks run from the offline plan instead of their deployed state and history.")
    boolean offline;

    @Option(names = "--cwd", paramLabel = "DIR", defaultValue = ".", description = "The directory of Pulumi.yaml (default: the working directory).")
    Path cwd = Path.of(".");

    Platform platform() {
        return Platform.load(cwd);
    }

    /** The deployed state, or with {@code --offline} the plan of {@code stacks} (and the stacks they read). */
    Releases releases(Platform platform, List<String> stacks) {
        return offline ? new PlannedReleases(new PlanEngine(line -> { }).plan(platform, stacks)) : new DeployedReleases(cwd);
    }
}
