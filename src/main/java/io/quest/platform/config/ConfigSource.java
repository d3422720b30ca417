package io.quest.platform.config;

import com.pulumi.Context;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where configuration values come from: the Pulumi engine's config under {@code pulumi up}, or a
 * stack file read by the offline planner and by tests. Keys are full keys ({@code quest-platform:network},
 * {@code aws:region}); structured values arrive as JSON text, exactly as the Pulumi CLI hands them over.
 */
public interface ConfigSource {

    /** The raw value of a full key, if set. */
    Optional<String> get(String fullKey);

    /** Every full key that is set, when the source can list them (a stack file can; the engine cannot). */
    Optional<Set<String>> keys();

    /** Reads through the Pulumi program context: the only place the code base calls {@code ctx.config()}. */
    static ConfigSource of(Context ctx) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                int colon = fullKey.indexOf(':');
                return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
            }

            @Override
            public Optional<Set<String>> keys() {
                return Optional.empty();
            }
        };
    }

    /** Reads from a map of full keys to raw values, as found in a {@code Pulumi.<stack>.yaml}. */
    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                return Optional.ofNullable(copy.get(fullKey));
            }

            @Override
            public Optional<Set<String>> keys() {
                return Optional.of(new TreeSet<>(copy.keySet()));
            }
        };
    }
}
