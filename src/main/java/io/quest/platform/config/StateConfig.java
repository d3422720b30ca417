package io.quest.platform.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the platform's stacks keep their state: the shared stack's state bucket and its lifecycle, and which
 * other stacks' state each environment's CI roles may read.
 *
 * @param noncurrentVersionDays {@code quest-platform:state.noncurrentVersionDays}: days a replaced or deleted
 *                              version of a state object is kept, to recover from a bad update. Defaults to 90
 * @param accessLogDays         {@code quest-platform:state.accessLogDays}: days the bucket's server access logs are
 *                              kept. Defaults to 365
 * @param reads                 {@code quest-platform:state.reads}: per environment, the stacks besides its own and the
 *                              shared stack whose state its CI roles read (the stacks its stack references name, such as
 *                              {@code promoteFrom: dev}). Defaults to none
 * @param dataStacks            {@code quest-platform:state.dataStacks}: the environments that have a data stack
 *                              ({@code <environment>-data}), whose state their deploy role also updates. Defaults to none
 * @param reviewStacks          {@code quest-platform:state.reviewStacks}: the environment whose account hosts the review
 *                              stacks ({@code pr-<n>}): the shared stack then creates CI's review role, which updates only their
 *                              state, and the reviewer role in that account. Defaults to none (no review environments)
 */
public record StateConfig(int noncurrentVersionDays, int accessLogDays, Map<String, List<String>> reads, List<String> dataStacks,
                          java.util.Optional<String> reviewStacks) {

    /** A state without review stacks. */
    public StateConfig(int noncurrentVersionDays, int accessLogDays, Map<String, List<String>> reads, List<String> dataStacks) {
        this(noncurrentVersionDays, accessLogDays, reads, dataStacks, java.util.Optional.empty());
    }

    /** A state without data stacks. */
    public StateConfig(int noncurrentVersionDays, int accessLogDays, Map<String, List<String>> reads) {
        this(noncurrentVersionDays, accessLogDays, reads, List.of());
    }

    /** The default days a noncurrent state version is kept. */
    public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 90;
    /** The default days server access logs of the state bucket are kept. */
    public static final int DEFAULT_ACCESS_LOG_DAYS = 365;

    public StateConfig {
        Map<String, List<String>> copy = new TreeMap<>();
        reads.forEach((env, stacks) -> copy.put(env, List.copyOf(stacks)));
        reads = Collections.unmodifiableMap(copy);
        dataStacks = List.copyOf(new java.util.TreeSet<>(dataStacks));
        java.util.Objects.requireNonNull(reviewStacks, "reviewStacks");
    }

    /** The defaults: 90 days of old versions, a year of access logs, no reads beyond the shared stack. */
    public static StateConfig defaults() {
        return new StateConfig(DEFAULT_NONCURRENT_VERSION_DAYS, DEFAULT_ACCESS_LOG_DAYS, Map.of());
    }
}
