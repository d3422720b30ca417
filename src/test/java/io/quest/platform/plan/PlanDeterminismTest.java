package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan is a function of the stack files alone: the repository's plan JSON is byte for byte the same in this JVM
 * and in one whose common pool has another parallelism: a pool (the tests run with 2, as {@code Main} sets it on small
 * machines) against one thread per async task (parallelism 1, the JDK's own choice on 2 cores), or the reverse.
 */
@Execution(ExecutionMode.CONCURRENT)
class PlanDeterminismTest {

    @Test
    void the_plan_json_is_the_same_at_another_parallelism() throws Exception {
        int here = ForkJoinPool.getCommonPoolParallelism();
        Process there = plan(here == 1 ? 4 : 1);

        String json = output(there);

        assertThat(json).startsWith("{").contains("\"stack\" : \"prod\"");
        assertThat(JsonRenderer.render(PlanFixture.repository())).isEqualTo(json);
    }

    /** Starts {@code plan --format json} of the repository in a JVM whose common pool has this parallelism. */
    private static Process plan(int parallelism) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The options the jar's second JVM runs with (JvmRelaunch): this plan runs beside the other tests.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn24m", "-XX:CICompilerCount=1",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + parallelism,
                "-cp", System.getProperty("java.class.path"), "io.quest.platform.Main", "plan", "--format", "json"));
        Path err = Files.createTempFile("quest-plan-", ".err");
        err.toFile().deleteOnExit();
        return new ProcessBuilder(command).redirectError(err.toFile()).start();
    }

    private static String output(Process process) throws Exception {
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the plan exits").isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
