package io.quest.platform.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One entry of {@code config:} in {@code Pulumi.yaml}, as the Pulumi CLI reads it: a type (string,
 * integer, boolean, array with items, object), a default or a value, and whether the stack must hold it
 * encrypted. Short-hand entries ({@code key: value}) are a default for the project's own keys and a value
 * for other namespaces.
 *
 * <p>Source: pulumi/pulumi {@code sdk/go/common/workspace/project.go} ({@code ProjectConfigType},
 * {@code ValidateConfigValue}, {@code InferFullTypeName}, {@code RewriteShorthandConfigValues}) and
 * {@code project.json} at 1b5949891b3cefcb9974752b24a5ecef0acc86c8.
 *
 * @param key          the full key ({@code quest-platform:account}, {@code aws:region})
 * @param type         the declared type, if any
 * @param items        the item type of an array ({@code {type: string}}), if any
 * @param defaultValue the default applied when a stack does not set the key, if any
 * @param value        the value applied when a stack does not set the key (keys of other namespaces), if any
 * @param secret       whether a stack must set the key with {@code pulumi config set --secret}
 */
public record ConfigDeclaration(String key, Optional<String> type, Optional<JsonNode> items,
                                Optional<JsonNode> defaultValue, Optional<JsonNode> value, boolean secret) {

    /** Whether a stack must set the key: no default and no value, in the project's own namespace. */
    public boolean required(String project) {
        return defaultValue.isEmpty() && value.isEmpty() && key.startsWith(project + ":");
    }

    /** The type as the CLI names it in messages: {@code array<string>} for arrays. */
    public String typeName() {
        return fullTypeName(type.orElse(""), items.orElse(null));
    }

    /** Whether a value (decoded as the CLI decodes it) has the declared type; untyped keys accept anything. */
    public boolean accepts(JsonNode content) {
        return type.isEmpty() || valid(type.get(), items.orElse(null), content);
    }

    private static String fullTypeName(String type, JsonNode items) {
        if (items != null && !items.isMissingNode()) {
            return "array<" + fullTypeName(items.path("type").asText(), items.get("items")) + ">";
        }
        return type;
    }

    /** {@code ValidateConfigValue}: strings that parse are accepted as integers and booleans, as the CLI does. */
    static boolean valid(String type, JsonNode items, JsonNode value) {
        switch (type) {
            case "string":
                return value.isTextual();
            case "integer":
                if (value.isIntegralNumber()) {
                    return true;
                }
                if (value.isFloatingPointNumber()) {
                    return value.doubleValue() == Math.rint(value.doubleValue());
                }
                if (value.isTextual()) {
                    try {
                        new BigDecimal(value.asText()).intValueExact();
                        return value.asText().matches("[-+]?\\d+");
                    } catch (NumberFormatException | ArithmeticException e) {
                        return false;
                    }
                }
                return false;
            case "boolean":
                return value.isBoolean() || (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false")));
            case "object":
                return value.isObject();
            default:
                if (!value.isArray() || items == null || items.isNull() || items.isMissingNode()) {
                    return false;
                }
                for (JsonNode item : value) {
                    if (!valid(items.path("type").asText(), items.get("items"), item)) {
                        return false;
                    }
                }
                return true;
        }
    }
}
