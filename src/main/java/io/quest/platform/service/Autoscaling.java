package io.quest.platform.service;

import java.util.Optional;

/**
 * Target tracking on the service's task count (configured as {@code quest-platform:service.autoscaling}).
 *
 * @param min               fewest tasks
 * @param max               most tasks
 * @param cpuTarget         average CPU utilisation (percent) to hold. Defaults to 60
 * @param requestsPerTarget requests per task per minute to hold (ALBRequestCountPerTarget); empty scales on CPU only
 */
public record Autoscaling(int min, int max, int cpuTarget, Optional<Integer> requestsPerTarget) {

    public Autoscaling {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("autoscaling needs 1 <= min <= max, not " + min + ".." + max);
        }
        requestsPerTarget = requestsPerTarget == null ? Optional.empty() : requestsPerTarget;
    }
}
