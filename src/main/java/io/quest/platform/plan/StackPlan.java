package io.quest.platform.plan;

import io.quest.platform.cost.CostEstimate;
import io.quest.platform.policy.Finding;

import java.util.List;
import java.util.Map;

/**
 * What one stack would register, with the outputs it would hand to other stacks.
 *
 * @param outputs        stack outputs as shown (secrets as {@code "[secret]"})
 * @param outputValues   stack outputs as fed into the stack references of later stacks
 * @param secretOutputs  names of the outputs that are secret
 */
public record StackPlan(
        String stack,
        List<String> references,
        List<PlannedResource> resources,
        Map<String, Object> outputs,
        Map<String, Object> outputValues,
        List<String> secretOutputs,
        List<Finding> findings,
        CostEstimate cost) {

    public StackPlan {
        references = List.copyOf(references);
        resources = List.copyOf(resources);
        outputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputs));
        outputValues = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputValues));
        secretOutputs = List.copyOf(secretOutputs);
        findings = List.copyOf(findings);
    }

    public StackPlan withFindings(List<Finding> more, CostEstimate estimate) {
        return new StackPlan(stack, references, resources, outputs, outputValues, secretOutputs, more, estimate);
    }

    /** Resources of a type token, in registration order. */
    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The resource with this logical name (names are unique per type; this takes the first). */
    public PlannedResource named(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stack " + stack + " has no resource named " + name));
    }

    public PlannedResource byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stack " + stack + " has no resource " + urn));
    }
}
