package io.quest.platform.tags;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tags in layers, as terraform-aws-modules merge them: {@code Name} first, then the platform-wide tags
 * (project, stack, environment, owner, managed-by), then the resource's own. A later layer wins.
 */
public record Tags(Map<String, String> platform) {

    /** AWS's limit on tags per resource. */
    public static final int MAX_TAGS = 50;

    public Tags {
        platform = Map.copyOf(platform);
    }

    /** The platform-wide layer for one stack; {@code extra} comes from {@code quest-platform:tags}. */
    public static Tags platform(String project, String stack, String environment, String owner, Map<String, String> extra) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("project", project);
        base.put("stack", stack);
        base.put("environment", environment);
        if (owner != null && !owner.isBlank()) {
            base.put("owner", owner);
        }
        base.put("managed-by", "quest-platform");
        base.putAll(extra);
        return new Tags(base);
    }

    /** The tags of a resource called {@code name}. */
    public Map<String, String> named(String name) {
        return named(name, Map.of());
    }

    /** The tags of a resource called {@code name} with tags of its own on top. */
    public Map<String, String> named(String name, Map<String, String> own) {
        Objects.requireNonNull(name, "name");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Name", name);
        platform.keySet().stream().sorted().forEach(k -> all.put(k, platform.get(k)));
        all.putAll(own);
        return all;
    }
}
