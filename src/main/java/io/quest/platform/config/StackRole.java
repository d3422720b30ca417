package io.quest.platform.config;

import io.quest.platform.choice.ConfigChoice;

/** What a stack owns. Chosen by {@code quest-platform:role}; the default follows the stack's name. */
public enum StackRole implements ConfigChoice {
    /** The shared-services account: CI identity, cross-account roles, log archive, registry. Default for a stack named {@code shared}. */
    SHARED("shared"),
    /** A workload account: network (own or referenced), service, baseline, monitoring. Default for other stacks. */
    ENVIRONMENT("environment"),
    /** Only the network of an environment, read by that environment's stack. Default for a stack named {@code *-network}. */
    NETWORK("network"),
    /** Only the database of an environment, on that environment's network. Default for a stack named {@code *-data}. */
    DATA("data"),
    /**
     * A pull request's short-lived review environment ({@code pr-<n>}): its service only, in its environment's account, on
     * that environment's network and load balancer, with none of the account's singletons. Default for a stack named
     * {@code pr-<n>}.
     */
    REVIEW("review");

    /** The name of a review stack: {@code pr-} and a pull request's number. */
    public static final String REVIEW_STACK = "pr-[1-9][0-9]*";

    private final String configValue;

    StackRole(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** The role a stack of this name has when its config does not say. */
    public static StackRole defaultFor(String stackName) {
        if (stackName.equals("shared")) {
            return SHARED;
        }
        if (stackName.matches(REVIEW_STACK)) {
            return REVIEW;
        }
        if (stackName.endsWith("-data")) {
            return DATA;
        }
        return stackName.endsWith("-network") ? NETWORK : ENVIRONMENT;
    }
}
