package io.quest.platform.policy;

import io.quest.platform.config.ConfigSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackIdentity;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stack's plan changed one resource at a time, and the configuration a rule reads, for rule tests. */
final class RulePlans {

    private RulePlans() {
    }

    /** The configuration of an environment stack with this name, with {@code quest-platform:production} set. */
    static PlatformConfig config(String stack, boolean production) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("aws:region", "eu-west-1");
        values.put("quest-platform:account", "333333333333");
        values.put("quest-platform:network", "{\"cidr\":\"10.20.0.0/16\"}");
        values.put("quest-platform:production", String.valueOf(production));
        return PlatformConfig.load(ConfigSource.of(values), new StackIdentity("organization", "quest-platform", stack));
    }

    /** The plan with one resource replaced by another with the same URN. */
    static StackPlan replace(StackPlan plan, PlannedResource changed) {
        List<PlannedResource> resources = new ArrayList<>();
        int replaced = 0;
        for (PlannedResource r : plan.resources()) {
            if (r.urn().equals(changed.urn())) {
                resources.add(changed);
                replaced++;
            } else {
                resources.add(r);
            }
        }
        if (replaced != 1) {
            throw new AssertionError("expected one resource " + changed.urn() + " in stack " + plan.stack() + ", found " + replaced);
        }
        return withResources(plan, resources);
    }

    /** The plan with one more resource. */
    static StackPlan add(StackPlan plan, PlannedResource added) {
        List<PlannedResource> resources = new ArrayList<>(plan.resources());
        resources.add(added);
        return withResources(plan, resources);
    }

    /** A custom resource of the stack, top-level, with these inputs. */
    static PlannedResource resource(StackPlan plan, String type, String name, Map<String, Object> inputs) {
        String urn = "urn:pulumi:" + plan.stack() + "::quest-platform::" + type + "::" + name;
        return new PlannedResource(urn, name + "-id", type, name, true, null, null, List.of(), false, false, inputs, List.of());
    }

    /** The resource with some inputs set (null removes one). */
    static PlannedResource withInputs(PlannedResource r, Map<String, Object> changes) {
        Map<String, Object> inputs = new LinkedHashMap<>(r.inputs());
        changes.forEach((k, v) -> {
            if (v == null) {
                inputs.remove(k);
            } else {
                inputs.put(k, v);
            }
        });
        return new PlannedResource(r.urn(), r.id(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), r.dependencies(),
                r.protect(), r.retainOnDelete(), inputs, r.ignoreChanges());
    }

    /** The resource without {@code protect}. */
    static PlannedResource unprotected(PlannedResource r) {
        return new PlannedResource(r.urn(), r.id(), r.type(), r.name(), r.custom(), r.parent(), r.provider(), r.dependencies(),
                false, r.retainOnDelete(), r.inputs(), r.ignoreChanges());
    }

    private static StackPlan withResources(StackPlan p, List<PlannedResource> resources) {
        return new StackPlan(p.stack(), p.references(), resources, p.outputs(), p.outputValues(), p.secretOutputs(), p.findings(), p.cost());
    }
}
