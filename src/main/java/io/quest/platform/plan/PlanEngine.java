package io.quest.platform.plan;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.cost.CostModel;
import io.quest.platform.policy.Policies;
import io.quest.platform.stacks.QuestProgram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Plans stacks offline: validates every stack's configuration, checks the platform as a whole, then
 * runs the real program of each stack, in dependency order, against the {@link MockCloud}, feeding each
 * planned stack's outputs into the stack references of the stacks that read it.
 */
public final class PlanEngine {

    /** The organisation stack references name when none is configured, as for a new Pulumi Cloud or self-managed backend. */
    public static final String ORGANIZATION = Platform.ORGANIZATION;

    private final Consumer<String> progress;
    private final Map<String, String> environmentVariables;
    private final Optional<StackPlanCache> cache;

    public PlanEngine(Consumer<String> progress) {
        this(progress, Map.of());
    }

    /**
     * A planner that runs every stack as under these environment variables (only
     * {@code QUEST_PLATFORM_PROVIDER_ROLE} is read): the plan of what a CI preview job would run, for example.
     */
    public PlanEngine(Consumer<String> progress, Map<String, String> environmentVariables) {
        this(progress, environmentVariables, Optional.empty());
    }

    private PlanEngine(Consumer<String> progress, Map<String, String> environmentVariables, Optional<StackPlanCache> cache) {
        this.progress = progress;
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.cache = cache;
    }

    /**
     * This planner, reusing the plans in {@code cache} of stacks planned before from the same inputs, and keeping
     * its own there: for a process that plans the same stacks many times, such as a test suite.
     */
    public PlanEngine reusing(StackPlanCache cache) {
        return new PlanEngine(progress, environmentVariables, Optional.of(cache));
    }

    /** Plans the requested stacks (all when empty) and the stacks they read. */
    public Plan plan(Project project, List<String> requested) {
        return plan(Platform.load(project, environmentVariables), requested);
    }

    /** Plans the requested stacks (all when empty) and the stacks they read, of a platform already checked. */
    public Plan plan(Platform platform, List<String> requested) {
        Project project = platform.project();
        Map<String, PlatformConfig> configs = platform.configs();
        StackGraph graph = platform.graph();
        List<String> order = graph.order(requested);

        Map<String, StackPlan> planned = new HashMap<>();
        List<StackPlan> stacks = new ArrayList<>();
        int resources = 0;
        for (String stack : order) {
            long start = System.nanoTime();
            progress.accept(String.format("planning %s (%d/%d), %d resources so far", stack, stacks.size() + 1, order.size(), resources));
            StackPlan plan = planStack(project, configs.get(stack), planned);
            stacks.add(plan);
            resources += plan.resources().size();
            planned.put(stack, plan);
            planned.put(configs.get(stack).stack().fullyQualified(), plan);
            for (String ref : configs.values().stream().flatMap(c -> c.references().stream()).toList()) {
                graph.localName(ref).filter(stack::equals).ifPresent(local -> planned.put(ref, plan));
            }
            progress.accept(String.format("planned %s (%d/%d): %d resources in %d ms", stack, stacks.size(), order.size(),
                    plan.resources().size(), (System.nanoTime() - start) / 1_000_000));
        }
        List<String> conflicts = AccountConflicts.problems(stacks, configs);
        if (!conflicts.isEmpty()) {
            throw new PlanException("the platform's stacks do not fit together:\n  " + String.join("\n  ", conflicts));
        }
        return new Plan(project.name(), stacks);
    }

    /** One stack's plan, priced and checked against the policies: reused from the cache, or made. */
    private StackPlan planStack(Project project, PlatformConfig config, Map<String, StackPlan> planned) {
        StackFile file = project.stacks().get(config.stack().stack());
        if (cache.isPresent()) {
            return cache.get().reuseOrPlan(project.name(), config, file, planned, () -> makePlan(project, config, file, planned));
        }
        return makePlan(project, config, file, planned).plan();
    }

    private StackPlanCache.Made makePlan(Project project, PlatformConfig config, StackFile file, Map<String, StackPlan> planned) {
        var cloud = new MockCloud(config.stack().stack(), config.accountId(), config.region(), planned);
        StackPlan ran = run(project, config, file, cloud);
        StackPlan priced = ran.withFindings(List.of(), CostModel.estimate(ran, config.region(), config.cost().usage()));
        StackPlan plan = priced.withFindings(Policies.evaluate(priced, config), priced.cost());
        return new StackPlanCache.Made(plan, cloud.stacksRead());
    }

    private StackPlan run(Project project, PlatformConfig config, StackFile file, MockCloud cloud) {
        String stack = config.stack().stack();
        var monitor = new RecordingMonitor(cloud);
        Logger quiet = PulumiTestInternal.logger(Level.SEVERE);
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .organizationName(ORGANIZATION)
                        .projectName(project.name())
                        .stackName(stack)
                        .preview(false)
                        .build())
                .mocks(cloud)
                .standardLogger(quiet)
                .config(file.config(), file.secretKeys())
                .monitorDecorator(ignored -> monitor)
                .deploymentFactory(DrainingRunner::deployment)
                .build();
        try {
            TestResult result = test.runTest(ctx -> QuestProgram.compose(ctx, config));
            if (!result.exceptions().isEmpty() || !result.errors().isEmpty()) {
                throw new PlanException("stack " + stack + " failed to plan:\n  " + problems(result));
            }
            if (!monitor.duplicateUrns().isEmpty()) {
                throw new PlanException("stack " + stack + " failed to plan:\n  " + String.join("\n  ", monitor.duplicateUrns()));
            }
            Map<String, Object> shown = new LinkedHashMap<>();
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> secret = new ArrayList<>();
            for (Map.Entry<String, Output<?>> e : result.outputs().entrySet()) {
                OutputData<?> data = PulumiTestInternal.extractOutputData(e.getValue());
                Object value = data.getValueNullable();
                values.put(e.getKey(), value);
                shown.put(e.getKey(), data.isSecret() ? Project.SECRET : value);
                if (data.isSecret()) {
                    secret.add(e.getKey());
                }
            }
            return new StackPlan(stack, monitor.references(), monitor.resources(), shown, values, secret, List.of(), null);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static String problems(TestResult result) {
        List<String> lines = new ArrayList<>(result.errors());
        for (Exception e : result.exceptions()) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof PlanException)) {
                cause = cause.getCause();
            }
            lines.add(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
        return lines.stream().distinct().collect(Collectors.joining("\n  "));
    }
}
