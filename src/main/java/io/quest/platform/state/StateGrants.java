package io.quest.platform.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may read and write which stack's state: the CI roles by name, as data. Each environment's deploy role
 * updates its own stacks (the stack named like the environment, and its data stack {@code <environment>-data} where it has one) and
 * reads the shared stack plus the stacks its environment is configured to read; the preview role updates nothing and reads what every deploy role reads.
 * Administrators are not listed: they reach the state through their own IAM permissions in the shared account.
 *
 * @param objects        where the state lives in the bucket
 * @param sharedStack    the shared stack's name; every CI role reads its outputs
 * @param previewRoleArn the CI role of pull-request previews
 * @param deployRoleArns per environment, the CI role that deploys it
 * @param reads          per environment, the other stacks its stack references read ({@code promoteFrom: dev})
 * @param dataStacks     the environments that have a data stack ({@code <environment>-data}), which their deploy role
 *                       updates too
 * @param review         CI's review role, which updates the review stacks ({@code pr-<n>}); empty without review stacks
 */
public record StateGrants(
        StateObjects objects,
        String sharedStack,
        String previewRoleArn,
        Map<String, String> deployRoleArns,
        Map<String, List<String>> reads,
        java.util.Set<String> dataStacks,
        Optional<ReviewGrant> review) {

    /** Grants without review stacks. */
    public StateGrants(StateObjects objects, String sharedStack, String previewRoleArn, Map<String, String> deployRoleArns,
                       Map<String, List<String>> reads, java.util.Set<String> dataStacks) {
        this(objects, sharedStack, previewRoleArn, deployRoleArns, reads, dataStacks, Optional.empty());
    }

    /** Grants for environments without data stacks. */
    public StateGrants(StateObjects objects, String sharedStack, String previewRoleArn, Map<String, String> deployRoleArns,
                       Map<String, List<String>> reads) {
        this(objects, sharedStack, previewRoleArn, deployRoleArns, reads, java.util.Set.of());
    }

    public StateGrants {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(sharedStack, "sharedStack");
        Objects.requireNonNull(previewRoleArn, "previewRoleArn");
        deployRoleArns = Collections.unmodifiableMap(new TreeMap<>(deployRoleArns));
        Map<String, List<String>> copy = new TreeMap<>();
        reads.forEach((env, stacks) -> copy.put(env, List.copyOf(stacks)));
        reads = Collections.unmodifiableMap(copy);
        if (deployRoleArns.isEmpty()) {
            throw new IllegalArgumentException("state grants need at least one environment's deploy role");
        }
        for (String env : reads.keySet()) {
            if (!deployRoleArns.containsKey(env)) {
                throw new IllegalArgumentException("state reads name environment " + env + ", which has no deploy role; environments: "
                        + deployRoleArns.keySet());
            }
        }
        dataStacks = Collections.unmodifiableSet(new TreeSet<>(dataStacks));
        for (String env : dataStacks) {
            if (!deployRoleArns.containsKey(env)) {
                throw new IllegalArgumentException("data stacks name environment " + env + ", which has no deploy role; environments: "
                        + deployRoleArns.keySet());
            }
        }
        Objects.requireNonNull(review, "review");
        if (deployRoleArns.containsKey(sharedStack)) {
            throw new IllegalArgumentException("an environment cannot be named like the shared stack " + sharedStack);
        }
    }

    /** The suffix of an environment's data stack ({@code dev-data}), the one other stack its deploy role updates. */
    public static final String DATA_SUFFIX = "-data";

    /** The stack an environment's deploy role updates: the stack named like the environment. */
    public String stackUpdatedBy(String environment) {
        requireEnvironment(environment);
        return environment;
    }

    /**
     * Every stack an environment's deploy role updates: the environment's stack and, when the environment has one, its
     * data stack, which CI deploys after it with the same role (the data stack reads the environment stack's network).
     */
    public List<String> stacksUpdatedBy(String environment) {
        requireEnvironment(environment);
        return dataStacks.contains(environment) ? List.of(environment, environment + DATA_SUFFIX) : List.of(environment);
    }

    /** The stacks whose state an environment's deploy role reads without updating, sorted. */
    public List<String> stacksReadBy(String environment) {
        requireEnvironment(environment);
        TreeSet<String> stacks = new TreeSet<>(reads.getOrDefault(environment, List.of()));
        stacks.add(sharedStack);
        stacks.removeAll(stacksUpdatedBy(environment));
        return List.copyOf(stacks);
    }

    /** The stacks whose state the preview role reads: every environment's stack and everything they read, sorted. */
    public List<String> stacksReadByPreview() {
        TreeSet<String> stacks = new TreeSet<>();
        for (String env : deployRoleArns.keySet()) {
            stacks.addAll(stacksUpdatedBy(env));
            stacks.addAll(stacksReadBy(env));
        }
        return List.copyOf(stacks);
    }

    /** The stacks whose state the review role reads without updating: the shared stack and the review environment's, sorted. */
    public List<String> stacksReadByReview() {
        return review.map(r -> List.copyOf(new TreeSet<>(List.of(sharedStack, r.environmentStack())))).orElse(List.of());
    }

    /** Every CI role: the preview role, then the deploy roles in environment order, then the review role. */
    public List<String> ciRoleArns() {
        List<String> all = new ArrayList<>();
        all.add(previewRoleArn);
        all.addAll(deployRoleArns.values());
        review.ifPresent(r -> all.add(r.roleArn()));
        return List.copyOf(all);
    }

    private void requireEnvironment(String environment) {
        if (!deployRoleArns.containsKey(environment)) {
            throw new IllegalArgumentException("no deploy role for environment " + environment + "; environments: " + deployRoleArns.keySet());
        }
    }
}
