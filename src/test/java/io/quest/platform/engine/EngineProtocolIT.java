package io.quest.platform.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.PlanEngine;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.Project;
import io.quest.platform.plan.StackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar under the engine protocol: started as a separate process exactly as the Java language host
 * starts a {@code runtime.options.binary} jar (command line, working directory and environment: see
 * {@link LanguageHost}, which cites pulumi/pulumi-java pkg/cmd/pulumi-language-java/main.go at commit
 * e34a3965d8e25102f4be069ebbceaa6e8988073a and pkg/internal/executors/executor_jar.go at commit
 * 503547ec69774bf65cb0686e590b1d91f1e8c962), with each stack's configuration from the repository's own stack
 * file encoded as the engine encodes it, against a stand-in engine built from the SDK's generated
 * {@code ResourceMonitor} and {@code Engine} stubs. What {@code plan} shows offline is what the engine receives.
 * Each run has a stand-in engine of its own, so the runs go side by side (failsafe enables JUnit's parallel mode).
 */
@Execution(ExecutionMode.CONCURRENT)
class EngineProtocolIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Project project;
    private static Plan plan;

    /**
     * The offline plan of the stacks these runs start, made once: prod, and the stacks it reads (shared, dev).
     * Planning is deterministic, so each stack's part is what {@code plan(project, List.of(stack))} shows.
     */
    @BeforeAll
    static void planTheStacksRun() {
        project = Project.load(Path.of(""));
        plan = new PlanEngine(line -> { }).plan(project, List.of("prod"));
    }

    /** Runs the built jar for one stack against a stand-in engine of its own. */
    private static EngineRun run(ProgramRun program, String stack) {
        try (EngineHarness harness = EngineHarness.start(project)) {
            return harness.run(program, PlannedCloud.of(project, stack, plan));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "shared|",
            "dev|organization/quest-platform/shared",
            "prod|organization/quest-platform/dev,organization/quest-platform/shared"})
    void every_planned_registration_reaches_the_engine_and_the_stack_references_are_answered(String stack, String references) {
        StackPlan planned = plan.stack(stack);

        EngineRun run = run(ProgramRun.update(project, stack), stack);

        assertThat(run.stdout()).as("stdout, which pulumi up shows as program output").isEmpty();
        assertThat(run.stderr()).as("stderr, which pulumi up shows as program output").isEmpty();
        assertThat(run.errors()).as("error diagnostics").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.rootStacks()).extracting(Registration::name).containsExactly(project.name() + "-" + stack);

        assertThat(run.resources()).hasSize(planned.resources().size());
        assertThat(run.resources()).extracting(r -> r.type() + " " + r.name())
                .containsExactlyInAnyOrderElementsOf(planned.resources().stream().map(r -> r.type() + " " + r.name()).toList());
        assertThat(run.resources()).extracting(Registration::urn)
                .containsExactlyInAnyOrderElementsOf(planned.resources().stream().map(PlannedResource::urn).toList());

        List<String> expected = references == null ? List.of() : List.of(references.split(","));
        assertThat(planned.references()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run.stackReferences()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run.answeredReferences()).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(run.stackOutputs().keySet()).containsExactlyInAnyOrderElementsOf(planned.outputs().keySet());
        assertThat(run.secretStackOutputs()).containsExactlyInAnyOrderElementsOf(planned.secretOutputs());
    }

    @Test
    void a_configuration_error_is_one_engine_error_a_failed_exit_and_nothing_registered() throws Exception {
        ProgramRun dev = ProgramRun.update(project, "dev");
        String networkKey = project.name() + ":network";
        ObjectNode network = (ObjectNode) JSON.readTree(dev.config().get(networkKey));
        network.put("cidr", "10.300.0.0/16");

        EngineRun run = run(dev.withConfig(networkKey, network.toString()), "dev");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).hasSize(1);
        assertThat(run.errors().get(0).message()).contains("quest-platform:network.cidr", "10.300.0.0/16", "not an IPv4 CIDR");
        assertThat(run.resources()).as("resources registered").isEmpty();
        assertThat(run.stackReferences()).isEmpty();
        assertThat(run.stdout()).as("stdout, which the language host shows when the program fails").isEmpty();
        assertThat(run.stderr()).as("stderr, which the language host shows when the program fails").isEmpty();
    }
}
