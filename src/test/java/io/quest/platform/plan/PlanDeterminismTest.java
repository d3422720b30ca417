package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan is a function of the stack files alone: the repository's plan JSON is byte for byte the same whether the
 * SDK's async tasks run one thread per task (common pool parallelism 1, the JDK's choice on 2 cores) or on a pool of
 * four, and the same as this JVM's.
 */
class PlanDeterminismTest {

    @Test
    void the_plan_json_is_the_same_at_every_parallelism() throws Exception {
        Process threadPerTask = plan(1);
        Process pooled = plan(4);

        String one = output(threadPerTask);
        String four = output(pooled);

        assertThat(one).startsWith("{").contains("\"stack\" : \"prod\"");
        assertThat(four).isEqualTo(one);
        assertThat(JsonRenderer.render(PlanFixture.repository())).isEqualTo(one);
    }

    /** Starts {@code plan --format json} of the repository in a JVM whose common pool has this parallelism. */
    private static Process plan(int parallelism) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
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
