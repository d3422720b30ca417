package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StackPlanCacheTest {

    private static final Map<String, String> FILES = Map.of(
            "shared", PlanFixture.SHARED,
            "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"));

    private static Plan plan(StackPlanCache cache, Map<String, String> files) {
        return new PlanEngine(line -> { }).reusing(cache).plan(PlanFixture.project(files), List.of());
    }

    @Test
    void the_same_stack_files_reuse_every_stack_and_the_plan_is_the_one_a_planner_without_a_cache_makes() {
        var cache = new StackPlanCache();
        Plan first = plan(cache, FILES);

        Plan second = plan(cache, FILES);

        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(second.stack("shared") == first.stack("shared")).as("the same plan of shared").isTrue();
        assertThat(second.stack("dev") == first.stack("dev")).as("the same plan of dev").isTrue();
        String fresh = JsonRenderer.render(new PlanEngine(line -> { }).plan(PlanFixture.project(FILES), List.of()));
        assertThat(JsonRenderer.render(second)).isEqualTo(fresh);
    }

    @Test
    void two_planners_asking_for_the_same_stacks_at_once_plan_each_stack_once() throws Exception {
        var cache = new StackPlanCache();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Plan> first = pool.submit(() -> { start.await(); return plan(cache, FILES); });
            Future<Plan> second = pool.submit(() -> { start.await(); return plan(cache, FILES); });
            start.countDown();

            assertThat(second.get(5, TimeUnit.MINUTES).stack("dev") == first.get(5, TimeUnit.MINUTES).stack("dev")).as("one plan of dev for both").isTrue();
            assertThat(cache.misses()).isEqualTo(2);
            assertThat(cache.hits()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_stack_is_planned_again_when_a_stack_it_reads_changed_though_its_own_file_did_not() {
        var cache = new StackPlanCache();
        Plan first = plan(cache, FILES);
        String otherShared = PlanFixture.SHARED + "  quest-platform:owner: platform-team\n";

        Plan second = plan(cache, Map.of("shared", otherShared, "dev", FILES.get("dev")));

        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isEqualTo(4);
        assertThat(second.stack("dev") == first.stack("dev")).as("the same plan of dev").isFalse();
        assertThat(second.stack("dev").references()).containsExactly("organization/quest-platform/shared");
    }

    @Test
    void a_stack_whose_file_changed_is_planned_again_and_its_own_plan_shows_the_change() {
        var cache = new StackPlanCache();
        plan(cache, FILES);

        Plan second = plan(cache, Map.of("shared", PlanFixture.SHARED, "dev", PlanFixture.environment("222222222222", "10.30.0.0/16")));

        assertThat(cache.hits()).as("shared, whose file is the same").isEqualTo(1);
        assertThat(second.stack("dev").ofType("aws:ec2/vpc:Vpc")).singleElement()
                .satisfies(vpc -> assertThat(vpc.inputs().get("cidrBlock")).isEqualTo("10.30.0.0/16"));
    }
}
