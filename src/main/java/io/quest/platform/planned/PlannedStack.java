package io.quest.platform.planned;

import java.util.List;

/**
 * The resources one stack would register, in registration order: what the security rules and the cost model read.
 * The planner's full result ({@code plan.StackPlan}) adds outputs, findings and cost on top.
 */
public interface PlannedStack {

    /** The stack's name. */
    String stack();

    /** Every resource, in registration order. */
    List<PlannedResource> resources();

    /** Resources of a type token, in registration order. */
    default List<PlannedResource> ofType(String type) {
        return resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * The resource with this logical name (names are unique per type; this takes the first). A building block is
     * named after the resource it wraps, so the custom resource comes before a component of the same name.
     */
    default PlannedResource named(String name) {
        return resources().stream().filter(r -> r.name().equals(name))
                .min(java.util.Comparator.comparing(PlannedResource::isComponent))
                .orElseThrow(() -> new IllegalArgumentException("stack " + stack() + " has no resource named " + name));
    }

    default PlannedResource byUrn(String urn) {
        return resources().stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stack " + stack() + " has no resource " + urn));
    }

    /** A stack of these resources and nothing else. */
    static PlannedStack of(String stack, List<PlannedResource> resources) {
        return new Resources(stack, List.copyOf(resources));
    }

    /** The plain form {@link #of} returns. */
    record Resources(String stack, List<PlannedResource> resources) implements PlannedStack {
    }
}
