package io.quest.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A typed, validating view of one level of configuration: the project namespace, or a structured value
 * under it ({@code quest-platform:network}). Every read takes a default, records a {@link ConfigProblem}
 * instead of throwing, and remembers the names it read so unknown (misspelt) settings can be reported.
 */
public final class Settings {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        if (value.isMissingNode() || value.isNull()) {
            return new Settings(key(name), JSON.createObjectNode(), source, problems);
        }
        if (!value.isObject()) {
            reject(name, display(value), "is not a map of settings; expected for example {" + name + ": {...}}");
            return new Settings(key(name), JSON.createObjectNode(), source, problems);
        }
        return new Settings(key(name), value, source, problems);
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
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
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
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        reject(name, display(value), "is not a boolean; expected true or false");
        return defaultValue;
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
        Integer parsed = null;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            parsed = value.intValue();
        } else if (value.isTextual()) {
            try {
                parsed = Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                parsed = null;
            }
        }
        if (parsed == null) {
            reject(name, display(value), "is not a whole number");
            return defaultValue;
        }
        if (parsed < min || parsed > max) {
            reject(name, parsed, rangeText(min, max));
            return defaultValue;
        }
        return parsed;
    }

    /** A number (fractions allowed) within {@code [min, max]}. */
    public double number(String name, double defaultValue, double min, double max) {
        JsonNode value = lookup(name);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        Double parsed = null;
        if (value.isNumber()) {
            parsed = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                parsed = Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                parsed = null;
            }
        }
        if (parsed == null || parsed.isNaN()) {
            reject(name, display(value), "is not a number");
            return defaultValue;
        }
        if (parsed < min || parsed > max) {
            reject(name, value.isTextual() ? value.asText() : value.numberValue(), "is out of range; expected a number from " + fmt(min) + " to " + fmt(max));
            return defaultValue;
        }
        return parsed;
    }

    /** One of an enum's config spellings, matched without regard to case. */
    public <E extends Enum<E> & ConfigChoice> E choice(String name, Class<E> type, E defaultValue) {
        Optional<String> value = optionalString(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.configValue().equalsIgnoreCase(value.get().trim())) {
                return constant;
            }
        }
        reject(name, value.get(), "is not one of " + choices(type));
        return defaultValue;
    }

    /** A list of strings; a single string is read as a list of one. */
    public List<String> strings(String name, List<String> defaultValue) {
        JsonNode value = lookup(name);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        if (value.isTextual()) {
            JsonNode parsed = parseIfJson(value.asText());
            if (parsed.isArray()) {
                value = parsed;
            } else {
                return List.of(value.asText());
            }
        }
        if (!value.isArray()) {
            reject(name, display(value), "is not a list of strings");
            return defaultValue;
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                reject(name, display(value), "is not a list of strings");
                return defaultValue;
            }
            result.add(item.asText());
        }
        return List.copyOf(result);
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
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                problems.add(ConfigProblem.of(key(name) + "." + e.getKey(), display(e.getValue()), "is not a string"));
            } else {
                result.put(e.getKey(), e.getValue().asText());
            }
        }
        return result;
    }

    /**
     * A string turned into a value by a parser that throws {@link IllegalArgumentException} for bad
     * input; the problem then reads {@code key: "value" <expectation>}.
     */
    public <T> T parsed(String name, String defaultText, Function<String, T> parser, String expectation) {
        String text = string(name, defaultText);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            reject(name, text, expectation);
            return null;
        }
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
                problem(name, "is not a setting Quest Platform knows; expected one of "
                        + new TreeSet<>(read).stream().collect(Collectors.joining(", ")));
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

    private static JsonNode parseIfJson(String raw) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(raw);
            }
        }
        return TextNode.valueOf(raw);
    }

    private static Object display(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.toString();
    }

    private static String rangeText(int min, int max) {
        if (min == Integer.MIN_VALUE) {
            return "is too large; expected at most " + max;
        }
        if (max == Integer.MAX_VALUE) {
            return "is too small; expected at least " + min;
        }
        return "is out of range; expected a whole number from " + min + " to " + max;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The accepted spellings of an enum, for messages and docs. */
    public static <E extends Enum<E> & ConfigChoice> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).collect(Collectors.joining(", "));
    }
}
