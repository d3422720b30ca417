package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import io.quest.platform.testing.ScalePlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform of ten environments: it loads as one platform, and each environment adds the same resources, so the
 * plan grows linearly. Planning all eleven stacks is what scripts/benchmark-plan.sh times; this plans two of them.
 */
class PlatformScaleTest {

    private static final Map<String, String> TEN = ScalePlatform.stackFiles(10);

    @Test
    void ten_environments_load_as_one_platform_with_shared_first() {
        Platform platform = Platform.load(PlanFixture.project(TEN));

        assertThat(platform.configs()).hasSize(11);
        assertThat(platform.graph().order(List.of())).hasSize(11).first().isEqualTo("shared");
        assertThat(platform.configs().get("env10").accountId()).isEqualTo("200000000010");
    }

    @Test
    void every_environment_adds_the_same_resources_and_keeps_only_plain_values() {
        Plan plan = new PlanEngine(line -> { }).plan(PlanFixture.project(TEN), List.of("env01", "env07"));

        assertThat(plan.stacks()).extracting(StackPlan::stack).containsExactly("shared", "env01", "env07");
        StackPlan first = plan.stack("env01");
        StackPlan seventh = plan.stack("env07");
        assertThat(first.resources()).hasSizeGreaterThan(100);
        assertThat(types(seventh)).isEqualTo(types(first));
        assertThat(seventh.resources()).extracting(PlannedResource::name).allSatisfy(name -> assertThat(name).doesNotContain("env01"));
        assertThat(plan.stack("shared").ofType("aws:iam/role:Role")).extracting(PlannedResource::inputs)
                .anySatisfy(inputs -> assertThat(inputs.toString()).contains("200000000010"));
        for (StackPlan stack : plan.stacks()) {
            stack.resources().forEach(r -> assertPlain(stack.stack() + " " + r.urn(), r.inputs()));
            assertPlain(stack.stack() + " outputs", stack.outputValues());
        }
    }

    private static Map<String, Long> types(StackPlan stack) {
        return stack.resources().stream().collect(Collectors.groupingBy(PlannedResource::type, Collectors.counting()));
    }

    /**
     * What a planned stack keeps for later stacks and the renderers is plain data (text, numbers, booleans, lists,
     * maps), never the SDK's resources, outputs or protobuf messages, which hold the whole program run in memory.
     */
    private static void assertPlain(String where, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertThat(k).as(where).isInstanceOf(String.class);
                assertPlain(where + "." + k, v);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> assertPlain(where, v));
        } else if (value != null) {
            assertThat(value).as(where).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }
}
