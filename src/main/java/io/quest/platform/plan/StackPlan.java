package io.quest.platform.plan;

import io.quest.platform.cost.CostEstimate;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.policy.Finding;
import io.quest.platform.policy.PricedStack;

import java.util.List;
import java.util.Map;

/**
 * What one stack would register, with the outputs it would hand to other stacks, the rules' findings and its cost.
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
        CostEstimate cost) implements PricedStack {

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
}
