package io.quest.platform.state;

import java.util.Objects;

/**
 * CI's review role and the state it may use: it creates, updates and removes the review stacks ({@code pr-<n>}), and reads
 * the shared stack and the environment stack the review stacks run beside. Review stacks come and go with pull requests,
 * so the grant names them by a key pattern ({@value #STACK_PREFIX}{@code *}); the plan refuses any other stack named so.
 *
 * @param roleArn          the CI review role
 * @param environmentStack the environment stack whose outputs review stacks read ({@code dev})
 */
public record ReviewGrant(String roleArn, String environmentStack) {

    /** What every review stack's name starts with: {@code pr-} and then the pull request's number. */
    public static final String STACK_PREFIX = "pr-";

    public ReviewGrant {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(environmentStack, "environmentStack");
    }
}
