package io.quest.platform.planned;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource as the program registered it: what the engine would receive under {@code pulumi up}.
 * Secret inputs read {@code "[secret]"}. {@code id} is the ID the mock cloud gave it (null for components),
 * which is what other resources' inputs refer to. {@code ignoreChanges} lists the inputs the engine keeps
 * from the live resource after creation. {@code aliases} are the URNs the engine would also look for this resource's
 * state under (the URNs it had before a move), resolved from the program's alias specs as the engine resolves them.
 */
public record PlannedResource(
        String urn,
        String id,
        String type,
        String name,
        boolean custom,
        String parent,
        String provider,
        List<String> dependencies,
        boolean protect,
        boolean retainOnDelete,
        Map<String, Object> inputs,
        List<String> ignoreChanges,
        List<String> aliases) {

    public PlannedResource {
        Objects.requireNonNull(urn, "urn");
        dependencies = List.copyOf(dependencies);
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        ignoreChanges = ignoreChanges == null ? List.of() : List.copyOf(ignoreChanges);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A resource without aliases. */
    public PlannedResource(String urn, String id, String type, String name, boolean custom, String parent, String provider,
                           List<String> dependencies, boolean protect, boolean retainOnDelete, Map<String, Object> inputs,
                           List<String> ignoreChanges) {
        this(urn, id, type, name, custom, parent, provider, dependencies, protect, retainOnDelete, inputs, ignoreChanges, List.of());
    }

    /** Whether the engine would find this resource's state under {@code urn}: its own URN or one of its aliases. */
    public boolean answersTo(String urn) {
        return this.urn.equals(urn) || aliases.contains(urn);
    }

    /** An input, or null; nested maps are read with {@link #input(String...)}. */
    public Object input(String... path) {
        Object current = inputs;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    public boolean isComponent() {
        return !custom;
    }
}
