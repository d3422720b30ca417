package io.quest.platform.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A review stack's settings ({@code role: review}, {@code quest-platform:review}): which pull request it shows, the
 * environment stack whose account, network and load balancer it borrows, when it expires, and how the load balancer
 * routes to it. {@code java -jar target/quest-platform.jar review <n>} writes them.
 *
 * @param environmentStack {@code review.environmentStack}: the fully qualified environment stack it runs beside (dev),
 *                         whose network and load balancer it uses and whose image it runs. Defaults to the sibling stack
 *                         named as the environment
 * @param pullRequest      {@code review.pullRequest}: the pull request's number; the stack is named {@code pr-<n>}
 * @param expiresAt        {@code review.expiresAt}: when the stack may be destroyed (an ISO-8601 instant), carried by
 *                         every resource as the tag {@value #EXPIRES_TAG}
 * @param hostName         {@code review.hostName}: the name the load balancer routes to this stack
 *                         ({@code pr-42.<environment's domain>}); empty routes the path prefix {@code /pr-<n>/} instead
 * @param hostedZoneId     {@code review.hostedZoneId}: the Route 53 zone of {@code hostName}
 * @param https            {@code review.https}: whether the environment's load balancer serves HTTPS (then the host name gets
 *                         a certificate of its own on that listener). Defaults to true
 */
public record ReviewConfig(String environmentStack, int pullRequest, String expiresAt, Optional<String> hostName,
                           Optional<String> hostedZoneId, boolean https) {

    /** The tag every resource of a review stack carries: when it may be destroyed. */
    public static final String EXPIRES_TAG = "quest:expires-at";
    /** The lowest priority an ALB listener rule may have (1 is evaluated first). */
    public static final int MAX_RULE_PRIORITY = 50_000;

    public ReviewConfig {
        Objects.requireNonNull(environmentStack, "environmentStack");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        if (hostName.isPresent() != hostedZoneId.isPresent()) {
            throw new IllegalArgumentException("a review host name needs its hosted zone, and the other way round");
        }
    }

    /** The stack's name: {@code pr-<n>}. */
    public String stackName() {
        return "pr-" + pullRequest;
    }

    /**
     * The priority of the stack's rule on the environment's listener: the pull request's number, wrapped into AWS's 1 to
     * 50,000 (CreateRule's {@code Priority}; a listener refuses two rules of one priority, so pull requests 7 and 50,007 cannot
     * be reviewed at the same time).
     */
    public int rulePriority() {
        return 1 + (pullRequest - 1) % MAX_RULE_PRIORITY;
    }

    /** The path prefix the rule routes when there is no host name: {@code /pr-<n>}. */
    public String pathPrefix() {
        return "/" + stackName();
    }
}
