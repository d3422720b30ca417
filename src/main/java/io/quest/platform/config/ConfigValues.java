package io.quest.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quest.platform.choice.ConfigChoice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one configuration value is read and shown, for {@link Settings}: the Pulumi CLI hands structured values
 * over as JSON text and plain values as strings, so a number or a boolean may come either way. Each reader
 * returns empty for a value it cannot read; {@link Settings} records the problem.
 */
final class ConfigValues {

    static final ObjectMapper JSON = new ObjectMapper();

    private ConfigValues() {
    }

    /** A value as JSON when it is JSON object or array text, else as the text itself. */
    static JsonNode parseIfJson(String raw) {
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

    /** A value as a problem message quotes it: text and numbers as themselves, anything else as JSON. */
    static Object display(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.toString();
    }

    /** {@code true} or {@code false}, as a boolean or as text in any case. */
    static Optional<Boolean> bool(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        String text = value.asText();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        return Optional.empty();
    }

    /** A whole number that fits an {@code int}, as a number or as text. */
    static Optional<Integer> wholeNumber(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(value.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A number (fractions allowed, not NaN), as a number or as text. */
    static Optional<Double> number(JsonNode value) {
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
        return parsed == null || parsed.isNaN() ? Optional.empty() : Optional.of(parsed);
    }

    /** A list of plain values as strings: a JSON array, JSON array text, or a single string (a list of one). */
    static Optional<List<String>> strings(JsonNode value) {
        if (value.isTextual()) {
            JsonNode parsed = parseIfJson(value.asText());
            if (!parsed.isArray()) {
                return Optional.of(List.of(value.asText()));
            }
            value = parsed;
        }
        if (!value.isArray()) {
            return Optional.empty();
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                return Optional.empty();
            }
            result.add(item.asText());
        }
        return Optional.of(List.copyOf(result));
    }

    /** The expectation of a whole number outside {@code [min, max]}, naming only the bounds that are set. */
    static String rangeText(int min, int max) {
        if (min == Integer.MIN_VALUE) {
            return "is too large; expected at most " + max;
        }
        if (max == Integer.MAX_VALUE) {
            return "is too small; expected at least " + min;
        }
        return "is out of range; expected a whole number from " + min + " to " + max;
    }

    /** A bound as a person writes it: {@code 5}, not {@code 5.0}. */
    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The enum constant spelt {@code text} in config, in any case. */
    static <E extends Enum<E> & ConfigChoice> Optional<E> choice(String text, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.configValue().equalsIgnoreCase(text.trim())).findFirst();
    }

    /** The accepted spellings of an enum, for messages and docs. */
    static <E extends Enum<E> & ConfigChoice> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).collect(Collectors.joining(", "));
    }
}
