package io.quest.platform.plan;

import com.google.common.collect.ImmutableList;
import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.core.internal.Exceptions;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The Pulumi SDK's program runner with the same contract, minus its busy wait. The SDK's
 * {@code DeploymentImpl.DefaultRunner} (pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/deployment/internal/
 * DeploymentImpl.java at 0ac62a26a9f914533b4d444aab7d1215550237d2, the code of com.pulumi:pulumi 1.36.1) waits for
 * the program's tasks by resubmitting a polling task to the async pool until none is left, and every poll formats
 * all in-flight futures into a debug message that is built even when debug logging is off: a flight recording of a
 * whole-platform plan spent 45 % of its samples there. This runner counts the tasks instead and finishes when the
 * last one completes. That count cannot reach zero early because the SDK registers every future when it makes it
 * (an output, a resource registration), and a function that starts more work runs inside a registered future, so
 * the new work is registered before that future completes.
 *
 * <p>The program runs with it under the engine too ({@code EngineProgram}), where the SDK's loop cost most of the time
 * from the program's start to its exit.
 *
 * <p>What it keeps from the SDK's runner: the program runs asynchronously and is itself a task; the run ends when
 * every registered task has completed, or as soon as one fails; a failure is unwrapped, kept among the result's
 * exceptions and reported to the engine logger as the SDK reports it ({@code RunException} without a stack,
 * {@code ResourceException} with the resource, anything else with its stack trace); the exit code is 0, 1 when the
 * program logged errors, 32 when a task failed and its error was logged.
 */
public final class DrainingRunner implements Runner {

    private final EngineLogger engineLogger;
    private final Queue<Exception> swallowedExceptions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;

    public DrainingRunner(EngineLogger engineLogger) {
        this.engineLogger = Objects.requireNonNull(engineLogger);
    }

    /**
     * A deployment whose program runs on this runner, for {@code PulumiTestInternal.Builder.deploymentFactory} and
     * {@code EngineProgram}: every program this project runs, under mocks (the plan, the test kit, tests) or under the
     * engine, runs on it. The SDK's own runner also hangs on a pool of two threads: its polling task resubmits itself
     * onto its worker's own queue and pops straight back, and a surefire run was seen spinning in it for 45 minutes
     * after the run's work had stopped.
     */
    public static DeploymentImpl deployment(DeploymentImpl.DeploymentState state) {
        state.runner = new DrainingRunner(state.logger);
        return new DeploymentImpl(state);
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(callback);
        registerTask("DrainingRunner#runAsync", value);
        return value
                .thenCompose(v -> whileRunning().thenApply(ignored -> v))
                .handle((v, failure) -> finish(v, failure))
                .thenCompose(f -> f);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        Objects.requireNonNull(description);
        inFlight.incrementAndGet();
        task.whenComplete((ignored, failure) -> {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
            }
            if (inFlight.decrementAndGet() == 0 || failure != null) {
                settle();
            }
        });
    }

    private <T> CompletableFuture<Result<T>> finish(T value, Throwable failure) {
        if (failure != null) {
            return handleException(failure).thenApply(code -> result(code, null));
        }
        int code = engineLogger.hasLoggedErrors() ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully;
        return CompletableFuture.completedFuture(result(code, value));
    }

    /** Completes once every registered task has completed, or exceptionally with the first failure. */
    private CompletableFuture<Void> whileRunning() {
        draining = true;
        settle();
        return drained;
    }

    private void settle() {
        if (!draining) {
            return;
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            drained.completeExceptionally(failure instanceof CompletionException ? failure : new CompletionException(failure));
        } else if (inFlight.get() == 0) {
            drained.complete(null);
        }
    }

    private CompletableFuture<Integer> handleException(Throwable throwable) {
        if (!(throwable instanceof Exception exception)) {
            return handleException(new RunException("unexpected throwable", throwable));
        }
        swallowedExceptions.add(exception);
        if (exception instanceof LogException) {
            return ContextAwareCompletableFuture.supplyAsync(() -> {
                System.err.printf("Error occurred trying to send logging message to engine: %s%n", exception);
                exception.printStackTrace();
                return ProcessExitedBeforeLoggingUserActionableMessage;
            });
        }
        if (exception instanceof CompletionException && exception.getCause() instanceof Exception cause) {
            return handleException(cause);
        }
        CompletableFuture<Void> logged;
        if (exception instanceof RunException) {
            logged = engineLogger.errorAsync(exception.getMessage());
        } else if (exception instanceof ResourceException resourceException) {
            String message = resourceException.isHideStack() ? resourceException.getMessage() : Exceptions.getStackTrace(resourceException);
            logged = engineLogger.errorAsync(message, resourceException.getResource().orElse(null));
        } else {
            logged = engineLogger.errorAsync(String.format("Running program [PID: %d](%s) failed with an unhandled exception:\n%s",
                    ProcessHandle.current().pid(), ProcessHandle.current().info().commandLine().orElse("unknown"),
                    Exceptions.getStackTrace(exception)));
        }
        return logged.thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
    }

    private <T> Result<T> result(int code, T value) {
        List<Exception> exceptions = ImmutableList.copyOf(swallowedExceptions);
        return new Result<>(code, exceptions, Optional.ofNullable(value)) {
        };
    }
}
