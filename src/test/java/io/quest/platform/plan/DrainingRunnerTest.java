package io.quest.platform.plan;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs alone: each test waits a bounded time for a program run on the common pool, which other classes' plans keep
 * busy when they run beside it (a run once waited out its 10 seconds behind them).
 */
@Isolated
class DrainingRunnerTest {

    /** An engine logger that keeps what it is told, as the SDK's mock engine does. */
    private static final class Recorded implements EngineLogger {
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId, Boolean ephemeral) {
            if (level == Level.SEVERE) {
                errors.add(message);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public int getErrorCount() {
            return errors.size();
        }

        @Override
        public boolean hasLoggedErrors() {
            return !errors.isEmpty();
        }
    }

    @Test
    void the_run_ends_only_when_the_last_task_the_program_started_completes() throws Exception {
        var runner = new DrainingRunner(new Recorded());
        var late = new CompletableFuture<String>();
        var lateChild = new CompletableFuture<String>();

        var result = runner.runAsync(() -> {
            runner.registerTask("late", late);
            // As Output.apply does: the derived future is registered when it is made, and what its function
            // starts is registered before the derived future completes.
            runner.registerTask("derived", late.thenApply(value -> {
                runner.registerTask("child", lateChild);
                return value;
            }));
            return "stack";
        });

        Thread.sleep(100);
        assertThat(result).isNotDone();
        late.complete("first");
        Thread.sleep(100);
        assertThat(result).as("a task started by a completing task is waited for").isNotDone();
        lateChild.complete("second");

        Runner.Result<String> done = result.get(10, TimeUnit.SECONDS);
        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedSuccessfully);
        assertThat(done.result()).contains("stack");
        assertThat(done.exceptions()).isEmpty();
    }

    @Test
    void a_failed_task_ends_the_run_at_once_with_its_error_logged_and_exit_code_32() throws Exception {
        var logger = new Recorded();
        var runner = new DrainingRunner(logger);
        var never = new CompletableFuture<String>();
        var failing = new CompletableFuture<String>();

        var result = runner.runAsync(() -> {
            runner.registerTask("never", never);
            runner.registerTask("failing", failing);
            return "stack";
        });
        failing.completeExceptionally(new RunException("stack dev failed to plan"));

        Runner.Result<String> done = result.get(10, TimeUnit.SECONDS);
        assertThat(never).isNotDone();
        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedAfterLoggingUserActionableMessage);
        assertThat(done.exceptions()).extracting(Throwable::getMessage).contains("stack dev failed to plan");
        assertThat(logger.errors).containsExactly("stack dev failed to plan");
    }

    @Test
    void an_unexpected_exception_is_logged_with_its_stack_trace_as_the_sdk_does() throws Exception {
        var logger = new Recorded();
        var runner = new DrainingRunner(logger);

        Runner.Result<String> done = runner.<String>runAsync(() -> {
            throw new IllegalStateException("no such subnet");
        }).get(10, TimeUnit.SECONDS);

        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedAfterLoggingUserActionableMessage);
        assertThat(logger.errors).singleElement().asString()
                .contains("failed with an unhandled exception", "java.lang.IllegalStateException: no such subnet", "\tat ");
    }

    @Test
    void errors_logged_by_the_program_give_exit_code_1() throws Exception {
        var logger = new Recorded();
        var runner = new DrainingRunner(logger);

        Runner.Result<String> done = runner.runAsync(() -> {
            logger.errorAsync("a resource failed validation");
            return "stack";
        }).get(10, TimeUnit.SECONDS);

        assertThat(done.exitCode()).isEqualTo(Runner.ProcessExitedBeforeLoggingUserActionableMessage);
        assertThat(done.result()).contains("stack");
    }
}
