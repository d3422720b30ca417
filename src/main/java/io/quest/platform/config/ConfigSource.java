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

    /**
     * The keys whose values are secret, when the source knows them: a stack file does ({@code secure:}
     * values); under the engine, the Java language host passes them to the program in
     * {@code PULUMI_CONFIG_SECRET_KEYS}.
     */
    default Optional<Set<String>> secretKeys() {
        return Optional.empty();
    }

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

            @Override
            public Optional<Set<String>> secretKeys() {
                return engineSecretKeys();
            }
        };
    }

    private static Optional<Set<String>> engineSecretKeys() {
        String json = System.getenv("PULUMI_CONFIG_SECRET_KEYS");
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            Set<String> keys = new TreeSet<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).forEach(k -> keys.add(k.asText().replace(":config:", ":")));
            return Optional.of(keys);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Reads from a map of full keys to raw values, with the keys whose values are secret. */
    static ConfigSource of(Map<String, String> values, Set<String> secretKeys) {
        ConfigSource plain = of(values);
        Set<String> secrets = Set.copyOf(secretKeys);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                return plain.get(fullKey);
            }

            @Override
            public Optional<Set<String>> keys() {
                return plain.keys();
            }

            @Override
            public Optional<Set<String>> secretKeys() {
                return Optional.of(secrets);
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
