package io.quest.platform.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may read and write which stack's state: the CI roles by name, as data. Each environment's deploy role
 * updates its own stack (the stack named like the environment) and reads the shared stack plus the stacks its
 * environment is configured to read; the preview role updates nothing and reads what every deploy role reads.
 * Administrators are not listed: they reach the state through their own IAM permissions in the shared account.
 *
 * @param objects        where the state lives in the bucket
 * @param sharedStack    the shared stack's name; every CI role reads its outputs
 * @param previewRoleArn the CI role of pull-request previews
 * @param deployRoleArns per environment, the CI role that deploys it
 * @param reads          per environment, the other stacks its stack references read ({@code promoteFrom: dev})
 */
public record StateGrants(
        StateObjects objects,
        String sharedStack,
        String previewRoleArn,
        Map<String, String> deployRoleArns,
        Map<String, List<String>> reads) {

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
        if (deployRoleArns.containsKey(sharedStack)) {
            throw new IllegalArgumentException("an environment cannot be named like the shared stack " + sharedStack);
        }
    }

    /** The stack an environment's deploy role updates: the stack named like the environment. */
    public String stackUpdatedBy(String environment) {
        requireEnvironment(environment);
        return environment;
    }

    /** The stacks whose state an environment's deploy role reads without updating, sorted. */
    public List<String> stacksReadBy(String environment) {
        requireEnvironment(environment);
        TreeSet<String> stacks = new TreeSet<>(reads.getOrDefault(environment, List.of()));
        stacks.add(sharedStack);
        stacks.remove(environment);
        return List.copyOf(stacks);
    }

    /** The stacks whose state the preview role reads: every environment's stack and everything they read, sorted. */
    public List<String> stacksReadByPreview() {
        TreeSet<String> stacks = new TreeSet<>();
        for (String env : deployRoleArns.keySet()) {
            stacks.add(stackUpdatedBy(env));
            stacks.addAll(stacksReadBy(env));
        }
        return List.copyOf(stacks);
    }

    /** Every CI role: the preview role, then the deploy roles in environment order. */
    public List<String> ciRoleArns() {
        List<String> all = new ArrayList<>();
        all.add(previewRoleArn);
        all.addAll(deployRoleArns.values());
        return List.copyOf(all);
    }

    private void requireEnvironment(String environment) {
        if (!deployRoleArns.containsKey(environment)) {
            throw new IllegalArgumentException("no deploy role for environment " + environment + "; environments: " + deployRoleArns.keySet());
        }
    }
}
