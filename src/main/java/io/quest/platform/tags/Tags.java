package io.quest.platform.tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tags in layers, as terraform-aws-modules merge them: {@code Name} first, then the platform-wide tags
 * (project, stack, environment, owner, managed-by), then the resource's own. A later layer wins.
 */
public record Tags(Map<String, String> platform) {

    /**
     * AWS's limit on tags per resource, and the characters every tagged service here accepts: IAM and ECS
     * allow letters, digits, spaces and {@code _ . : / = + - @}; keys are 1 to 128 characters, values up to
     * 256; the {@code aws:} prefix is reserved in any letter case. Sources: "Tag naming limits and
     * requirements", https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html,
     * and "Rules for tagging IAM resources", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html
     * (both read 2026-12-02).
     */
    public static final int MAX_TAGS = 50;
    /** The tags the platform sets on a resource itself: {@code Name} and the platform layer. */
    public static final List<String> PLATFORM_KEYS = List.of("Name", "project", "stack", "environment", "owner", "managed-by");
    /** The most tags a resource adds of its own ({@code tier}, {@code quest:...}). */
    public static final int MAX_OWN_TAGS = 1;
    /** How many tags {@code quest-platform:tags} may add so that no resource passes AWS's limit. */
    public static final int MAX_EXTRA_TAGS = MAX_TAGS - PLATFORM_KEYS.size() - MAX_OWN_TAGS;

    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

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

    /** What is wrong with a tag a user adds, if anything, as the expectation half of a config message. */
    public static Optional<String> problem(String key, String value) {
        if (key.isEmpty() || key.length() > 128) {
            return Optional.of("is not a tag key AWS accepts; expected 1 to 128 characters");
        }
        if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            return Optional.of("is not a tag key AWS accepts: the aws: prefix is reserved for AWS in any letter case");
        }
        if (PLATFORM_KEYS.contains(key)) {
            return Optional.of("is a tag the platform sets itself; expected another key (the owner tag comes from quest-platform:owner)");
        }
        if (!CHARACTERS.matcher(key).matches()) {
            return Optional.of("is not a tag key AWS accepts; expected letters, digits, spaces and _ . : / = + - @ only");
        }
        if (value.length() > 256) {
            return Optional.of("has a value of " + value.length() + " characters; AWS accepts tag values up to 256");
        }
        if (!CHARACTERS.matcher(value).matches()) {
            return Optional.of("has a value AWS does not accept in a tag; expected letters, digits, spaces and _ . : / = + - @ only");
        }
        return Optional.empty();
    }

    /** The tags of a resource called {@code name}. */
    public Map<String, String> named(String name) {
        return named(name, Map.of());
    }

    /** The tags of a resource called {@code name} with tags of its own on top. */
    public Map<String, String> named(String name, Map<String, String> own) {
        Objects.requireNonNull(name, "name");
        if (own.size() > MAX_OWN_TAGS) {
            throw new IllegalArgumentException("a resource adds at most " + MAX_OWN_TAGS + " tag of its own, so users keep "
                    + MAX_EXTRA_TAGS + " of AWS's " + MAX_TAGS + "; got " + own.keySet());
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Name", name);
        platform.keySet().stream().sorted().forEach(k -> all.put(k, platform.get(k)));
        all.putAll(own);
        return all;
    }
}
