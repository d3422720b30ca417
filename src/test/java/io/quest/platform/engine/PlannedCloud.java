package io.quest.platform.engine;

import com.google.common.collect.ImmutableMap;
import com.pulumi.test.Mocks;
import io.quest.platform.plan.MockCloud;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.Project;
import io.quest.platform.plan.StackFile;
import io.quest.platform.plan.StackPlan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud and the backend behind the stand-in engine for one stack: registrations and invokes answered
 * by the planner's {@link MockCloud} (the same IDs, ARNs and computed outputs the offline plan shows), and
 * stack references answered with the planned outputs of the referenced stacks, as a backend that holds
 * those stacks would.
 */
public final class PlannedCloud {

    private final String organization;
    private final String project;
    private final Plan plan;
    private final MockCloud cloud;

    private PlannedCloud(String organization, String project, Plan plan, MockCloud cloud) {
        this.organization = organization;
        this.project = project;
        this.plan = plan;
        this.cloud = cloud;
    }

    /**
     * The cloud a stack deploys into (its account and region from its stack file) and a backend holding the
     * stacks of a plan that includes the stacks it reads.
     */
    public static PlannedCloud of(Project project, String stack, Plan plan) {
        StackFile file = project.stacks().get(stack);
        if (file == null) {
            throw new IllegalArgumentException("the project has no stack " + stack);
        }
        String account = file.config().get(project.name() + ":account");
        String region = file.config().get("aws:region");
        return new PlannedCloud(PlanEngine.ORGANIZATION, project.name(), plan, new MockCloud(stack, account, region, Map.of()));
    }

    /** A registration's ID ({@code null} for a component) and outputs. */
    record Answer(String id, Map<String, Object> outputs) {
    }

    Answer register(String type, String name, boolean custom, Map<String, Object> inputs, String provider, String importId) {
        if (!custom) {
            // The engine keeps a component's inputs as its state.
            return new Answer(null, inputs);
        }
        Mocks.ResourceResult result = cloud.newResourceAsync(new Mocks.ResourceArgs(type, name, known(inputs), provider, importId)).join();
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (result.state instanceof Map<?, ?> state) {
            state.forEach((k, v) -> outputs.put(String.valueOf(k), v));
        }
        return new Answer(result.id.orElse(""), outputs);
    }

    Map<String, Object> invoke(String token, Map<String, Object> args, String provider) {
        return cloud.callAsync(new Mocks.CallArgs(token, ImmutableMap.copyOf(known(args)), provider)).join();
    }

    /** The planned stack a fully qualified stack name ({@code org/project/stack}) names, if the backend holds it. */
    Optional<StackPlan> stack(String fullyQualifiedName) {
        String prefix = organization + "/" + project + "/";
        if (!fullyQualifiedName.startsWith(prefix)) {
            return Optional.empty();
        }
        String local = fullyQualifiedName.substring(prefix.length());
        return plan.stacks().stream().filter(s -> s.stack().equals(local)).findFirst();
    }

    /** Top-level nulls dropped, as the SDK's mock monitor hands inputs to mocks. */
    private static Map<String, Object> known(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
