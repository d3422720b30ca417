package io.quest.platform.release;

import java.util.List;
import java.util.Optional;

/** What the stacks run, and ran: read from deployed state ({@link DeployedReleases}) or from the offline plan ({@link PlannedReleases}). */
public interface Releases {

    /**
     * The image a stack runs now, and whether it runs it healthily.
     *
     * @param image     the image, or empty when the stack runs none (never deployed, or no service)
     * @param unhealthy empty when healthy; otherwise why not ("its last update failed at ...")
     */
    record Running(Optional<ReleaseImage> image, Optional<String> unhealthy) {
    }

    /** The image a stack runs now. */
    Running running(String stack);

    /** The images the stack ran before, most recent first, each once, the current one left out. */
    List<ReleaseImage> earlier(String stack);

    /** Where the answers come from, for messages ("deployed state", "the offline plan"). */
    String source();
}
