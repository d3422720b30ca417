package io.quest.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quest.platform.choice.ConfigChoice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.quest.platform.config.ConfigValues.display;
import static io.quest.platform.config.ConfigValues.parseIfJson;

/**
 * A typed, validating view of one level of configuration: the project namespace, or a structured value
 * under it ({@code quest-platform:network}). Every read takes a default, records a {@link ConfigProblem}
 * instead of throwing, and remembers the names it read so unknown (misspelt) settings can be reported.
 */
public final class Settings {

    private final String path;
    private final JsonNode node;
    private final ConfigSource source;
    private final List<ConfigProblem> problems;
    private final Set<String> read = new LinkedHashSet<>();

    private Settings(String path, JsonNode node, ConfigSource source, List<ConfigProblem> problems) {
        this.path = path;
        this.node = node;
        this.source = source;
        this.problems = problems;
    }

    /** The settings under a namespace ({@code quest-platform}, {@code aws}) of a config source. */
    public static Settings root(ConfigSource source, String namespace, List<ConfigProblem> problems) {
        return new Settings(namespace, null, source, problems);
    }

    /** The full key of a setting at this level. */
    public String key(String name) {
        return node == null ? path + ":" + name : path + "." + name;
    }

    public String path() {
        return path;
    }

    /** Whether the setting is present at all. */
    public boolean has(String name) {
        JsonNode value = lookup(name);
        return !value.isMissingNode() && !value.isNull();
    }

    /** Whether the setting is a list (a JSON array, or JSON array text). */
    public boolean isList(String name) {
        JsonNode value = lookup(name);
        return value.isArray() || (value.isTextual() && parseIfJson(value.asText()).isArray());
    }

    /** A structured setting; absent settings read as an empty object, so defaults apply. */
    public Settings object(String name) {
        JsonNode value = lookup(name);
        if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
            reject(name, display(value), "is not a map of settings; expected for example {" + name + ": {...}}");
        }
        return new Settings(key(name), value.isObject() ? value : ConfigValues.JSON.createObjectNode(), source, problems);
    }

    /** Each entry of a map-valued setting as its own settings, keyed by the map key, in file order. */
    public Map<String, Settings> objects(String name) {
        JsonNode value = lookup(name);
        Map<String, Settings> result = new LinkedHashMap<>();
        if (value.isMissingNode() || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            reject(name, display(value), "is not a map");
            return result;
        }
        value.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                result.put(e.getKey(), new Settings(key(name) + "." + e.getKey(), e.getValue(), source, problems));
            } else {
                problems.add(ConfigProblem.of(key(name) + "." + e.getKey(), display(e.getValue()), "is not a map of settings"));
            }
        });
        return result;
    }

    /** The names of the settings present at this level of a structured setting, in file order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        Optional.ofNullable(node).ifPresent(n -> n.fieldNames().forEachRemaining(names::add));
        return List.copyOf(names);
    }

    public Optional<String> optionalString(String name) {
        JsonNode value = lookup(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            reject(name, display(value), "is not a single value");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    public String string(String name, String defaultValue) {
        return optionalString(name).orElse(defaultValue);
    }

    /** A required string: a problem is recorded (and {@code ""} returned) when it is missing. */
    public String requiredString(String name, String expectation) {
        Optional<String> value = optionalString(name);
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(new ConfigProblem(key(name), "is required: " + expectation));
            return "";
        }
        return value.get();
    }

    public boolean bool(String name, boolean defaultValue) {
        JsonNode value = lookup(name);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        Optional<Boolean> parsed = ConfigValues.bool(value);
        if (parsed.isEmpty()) {
            reject(name, display(value), "is not a boolean; expected true or false");
        }
        return parsed.orElse(defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return integer(name, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A whole number within {@code [min, max]}. */
    public int integer(String name, int defaultValue, int min, int max) {
        JsonNode value = lookup(name);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        Optional<Integer> parsed = ConfigValues.wholeNumber(value);
        if (parsed.isEmpty()) {
            reject(name, display(value), "is not a whole number");
            return defaultValue;
        }
        if (parsed.get() < min || parsed.get() > max) {
            reject(name, parsed.get(), ConfigValues.rangeText(min, max));
            return defaultValue;
        }
        return parsed.get();
    }

    /** A number (fractions allowed) within {@code [min, max]}. */
    public double number(String name, double defaultValue, double min, double max) {
        JsonNode value = lookup(name);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        Optional<Double> parsed = ConfigValues.number(value);
        if (parsed.isEmpty()) {
            reject(name, display(value), "is not a number");
            return defaultValue;
        }
        if (parsed.get() < min || parsed.get() > max) {
            reject(name, value.isTextual() ? value.asText() : value.numberValue(),
                    "is out of range; expected a number from " + ConfigValues.fmt(min) + " to " + ConfigValues.fmt(max));
            return defaultValue;
        }
        return parsed.get();
    }

    /** One of an enum's config spellings, matched without regard to case. */
    public <E extends Enum<E> & ConfigChoice> E choice(String name, Class<E> type, E defaultValue) {
        Optional<String> value = optionalString(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Optional<E> chosen = ConfigValues.choice(value.get(), type);
        if (chosen.isEmpty()) {
            reject(name, value.get(), "is not one of " + choices(type));
        }
        return chosen.orElse(defaultValue);
    }

    /** A list of strings; a single string is read as a list of one. */
    public List<String> strings(String name, List<String> defaultValue) {
        JsonNode value = lookup(name);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        Optional<List<String>> parsed = ConfigValues.strings(value);
        if (parsed.isEmpty()) {
            reject(name, display(value), "is not a list of strings");
        }
        return parsed.orElse(defaultValue);
    }

    /** A map of strings to strings (tags, environment variables). */
    public Map<String, String> stringMap(String name) {
        JsonNode value = lookup(name);
        Map<String, String> result = new LinkedHashMap<>();
        if (value.isMissingNode() || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            reject(name, display(value), "is not a map of strings");
            return result;
        }
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                problems.add(ConfigProblem.of(key(name) + "." + e.getKey(), display(e.getValue()), "is not a string"));
            } else {
                result.put(e.getKey(), e.getValue().asText());
            }
        });
        return result;
    }

    /** Records a problem with a setting at this level. */
    public void reject(String name, Object value, String expectation) {
        problems.add(ConfigProblem.of(key(name), value, expectation));
    }

    /** Records a problem that is not about one value (a missing setting, a contradiction). */
    public void problem(String name, String message) {
        problems.add(new ConfigProblem(key(name), message));
    }

    /**
     * Reports every setting at this level that nothing read: almost always a misspelling that would
     * otherwise be silently ignored. Call after all reads.
     */
    public void rejectUnknown() {
        Collection<String> present;
        if (node != null) {
            present = new ArrayList<>();
            node.fieldNames().forEachRemaining(present::add);
        } else {
            String prefix = path + ":";
            present = source.keys().orElse(Set.of()).stream()
                    .filter(k -> k.startsWith(prefix))
                    .map(k -> k.substring(prefix.length()))
                    .toList();
        }
        for (String name : present) {
            if (!read.contains(name)) {
                problem(name, "is not a setting Quest Platform knows; expected one of " + String.join(", ", new TreeSet<>(read)));
            }
        }
    }

    /**
     * Whether a setting at this level was given in plain text although it must be secret: the source knows
     * which keys are secret, and this setting's top-level key is not one of them.
     */
    public boolean inPlainText(String name) {
        String topLevel = key(name).split("\\.", 2)[0];
        return has(name) && source.secretKeys().map(secrets -> !secrets.contains(topLevel)).orElse(false);
    }

    /** Records that a secret setting was given in plain text, without quoting it, and how to set it instead. */
    public void rejectPlainText(String name) {
        problem(name, "is in plain text in the stack file (value not shown); it must be secret: remove it and set it with "
                + "pulumi config set --secret --path " + key(name) + " <value>");
    }

    /** Marks a setting as known without reading it (read elsewhere, or by another program). */
    public void allow(String... names) {
        read.addAll(Arrays.asList(names));
    }

    private JsonNode lookup(String name) {
        read.add(name);
        if (node != null) {
            return node.path(name);
        }
        Optional<String> raw = source.get(path + ":" + name);
        if (raw.isEmpty()) {
            return MissingNode.getInstance();
        }
        return parseIfJson(raw.get());
    }

    /** The accepted spellings of an enum, for messages and docs. */
    public static <E extends Enum<E> & ConfigChoice> String choices(Class<E> type) {
        return ConfigValues.choices(type);
    }
}
