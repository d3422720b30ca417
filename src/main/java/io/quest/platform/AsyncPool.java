package io.quest.platform;

import java.util.Optional;

/**
 * Gives {@code CompletableFuture} a thread pool on small machines. The JDK runs every async task without an
 * executor on the common fork-join pool only when that pool's parallelism is above 1; otherwise it starts a
 * new thread per task ({@code USE_COMMON_POOL = ForkJoinPool.getCommonPoolParallelism() > 1}, else
 * {@code ThreadPerTaskExecutor}: openjdk/jdk17u {@code java/util/concurrent/CompletableFuture.java}). The
 * parallelism defaults to processors - 1, so on 2 cores the Pulumi SDK, which schedules its work with
 * {@code runAsync} and {@code supplyAsync} without an executor, started about 3,700 threads per plan. The
 * pool reads its parallelism once, when it is first used, so this runs first thing in {@code main}.
 */
final class AsyncPool {

    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /** The smallest parallelism at which {@code CompletableFuture} uses the pool instead of a thread per task. */
    static final int POOLED = 2;

    private AsyncPool() {
    }

    /**
     * Sets the common pool's parallelism before its first use, unless the user set it. No lambda: this runs in the
     * JVM that only starts the second one (see {@link JvmRelaunch}), where a first lambda costs about 15 ms.
     */
    static void configure() {
        Optional<String> value = parallelism(Runtime.getRuntime().availableProcessors(), System.getProperty(PARALLELISM));
        if (value.isPresent()) {
            System.setProperty(PARALLELISM, value.get());
        }
    }

    /** The parallelism to set: none when configured or when the default (processors - 1) already pools. */
    static Optional<String> parallelism(int processors, String configured) {
        if (configured != null || processors - 1 >= POOLED) {
            return Optional.empty();
        }
        return Optional.of(Integer.toString(POOLED));
    }
}
