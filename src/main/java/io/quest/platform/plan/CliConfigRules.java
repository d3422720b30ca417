package io.quest.platform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Pulumi CLI checks in {@code Pulumi.yaml} and a stack file before it starts the program, in
 * the CLI's own words, so that {@code plan} refuses exactly what {@code pulumi preview} refuses.
 *
 * <p>Sources, pulumi/pulumi at 1b5949891b3cefcb9974752b24a5ecef0acc86c8:
 * <ul>
 *   <li>{@code sdk/go/common/workspace/project.go} {@code Project.Validate}: a key cannot have both
 *       {@code default} and {@code value}; an array needs {@code items}; a typed default must have its type;
 *       a key of another namespace takes neither a type nor a default, and must give a {@code value};</li>
 *   <li>{@code sdk/go/common/workspace/project.json}: a declaration's attributes are {@code type},
 *       {@code items}, {@code description}, {@code secret}, {@code default}, {@code value}; types are
 *       string, integer, boolean, array and object;</li>
 *   <li>{@code sdk/go/common/workspace/loaders.go} {@code stackConfigNamespacedWithProject}: a stack file key
 *       without a namespace belongs to the project; {@code sdk/go/common/resource/config/key.go}
 *       {@code ParseKey}: a key is {@code <namespace>:<name>} (or {@code <namespace>:config:<name>});</li>
 *   <li>{@code pkg/workspace/config.go} {@code mergeConfig}: project defaults and values apply to keys a stack
 *       lacks; a key of the project's namespace with neither is required ("Stack 'dev' is missing
 *       configuration value 'account'"); {@code validateStackConfigValue}: a {@code secret: true} key must
 *       be encrypted, a typed key must hold its type (a plain scalar arrives as text, a map or list as its
 *       JSON).</li>
 * </ul>
 */
final class CliConfigRules {

    /** The top-level keys of a stack file ({@code workspace.ProjectStack}); the CLI ignores any other silently. */
    private static final Set<String> STACK_FILE_KEYS = Set.of("config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt");
    private static final Set<String> DECLARATION_KEYS = Set.of("type", "items", "description", "secret", "default", "value");
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean", "array", "object");

    private CliConfigRules() {
    }

    /** Reads and validates the project file's {@code config:} declarations. */
    static Map<String, ConfigDeclaration> declarations(String project, JsonNode config, String display, List<String> problems) {
        Map<String, ConfigDeclaration> result = new LinkedHashMap<>();
        if (config.isMissingNode() || config.isNull() || config.isTextual()) {
            return result;
        }
        if (!config.isObject()) {
            problems.add(display + ": config: is not a map of configuration keys to their declarations");
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            boolean own = !key.contains(":") || key.startsWith(project + ":");
            String full = key.contains(":") ? key : project + ":" + key;
            JsonNode decl = e.getValue();
            String where = display + ": config." + key;
            if (!decl.isObject()) {
                // Short-hand: a default for the project's own keys, a value for other namespaces (RewriteShorthandConfigValues).
                result.put(full, new ConfigDeclaration(full, Optional.empty(), Optional.empty(),
                        own ? Optional.of(decl) : Optional.empty(), own ? Optional.empty() : Optional.of(decl), false));
                continue;
            }
            decl.fieldNames().forEachRemaining(attr -> {
                if (!DECLARATION_KEYS.contains(attr)) {
                    problems.add(where + ": '" + attr + "' is not a declaration attribute; expected " + new TreeSet<>(DECLARATION_KEYS));
                }
            });
            Optional<String> type = present(decl, "type").map(JsonNode::asText);
            Optional<JsonNode> items = present(decl, "items");
            Optional<JsonNode> dflt = present(decl, "default");
            Optional<JsonNode> value = present(decl, "value");
            boolean secret = decl.path("secret").asBoolean(false);
            ConfigDeclaration declaration = new ConfigDeclaration(full, type, items, dflt, value, secret);
            if (type.isPresent() && !TYPES.contains(type.get())) {
                problems.add(where + ": type '" + type.get() + "' is not a configuration type; expected one of string, integer, boolean, array, object");
            } else if (dflt.isPresent() && value.isPresent()) {
                problems.add(display + ": project config '" + key + "' cannot have both a 'default' and 'value' attribute");
            } else if (own) {
                if (type.filter("array"::equals).isPresent() && items.isEmpty()) {
                    problems.add(display + ": The configuration key '" + key + "' declares an array but does not specify the underlying type via the 'items' attribute");
                } else if (type.isPresent() && dflt.isPresent() && !declaration.accepts(dflt.get())) {
                    problems.add(display + ": The default value specified for configuration key '" + key + "' is not of the expected type '" + declaration.typeName() + "'");
                }
            } else if (type.isPresent()) {
                problems.add(display + ": Configuration key '" + key + "' is not namespaced by the project and should not define a type");
            } else if (dflt.isPresent()) {
                problems.add(display + ": Configuration key '" + key + "' is not namespaced by the project and should not define a default value. "
                        + "Did you mean to use the 'value' attribute instead of 'default'?");
            } else if (value.isEmpty()) {
                problems.add(display + ": Configuration key '" + key + "' is namespaced and must provide an attribute 'value'");
            }
            result.put(full, declaration);
        }
        return result;
    }

    /** Reads a stack file's settings into full key → value (secrets replaced by the marker), noting secret keys. */
    static void readStackFile(String project, JsonNode root, String display, Map<String, JsonNode> values, Set<String> secrets,
                              List<String> problems) {
        if (!root.isObject()) {
            problems.add(display + ": is not a mapping; a stack file holds config: (and secretsprovider:, encryptedkey:, "
                    + "encryptionsalt:, environment:), for example config: {aws:region: eu-west-1}");
            return;
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!STACK_FILE_KEYS.contains(key)) {
                problems.add(display + ": '" + key + "' is not a stack file setting, so the Pulumi CLI would ignore it silently; expected "
                        + new TreeSet<>(STACK_FILE_KEYS) + " (configuration goes under config:)");
            }
        });
        if (root.has("environment") && !root.get("environment").isNull()) {
            problems.add(display + ": environment: imports Pulumi ESC environments, which the offline planner cannot open, so its plan "
                    + "would miss their values; set the values under config: to plan this stack");
        }
        JsonNode config = root.path("config");
        if (config.isMissingNode() || config.isNull()) {
            return;
        }
        if (!config.isObject()) {
            problems.add(display + ": config: is not a mapping of keys to values; expected for example config: {aws:region: eu-west-1}");
            return;
        }
        config.fields().forEachRemaining(e -> {
            Optional<String> key = fullKey(project, e.getKey());
            if (key.isEmpty()) {
                problems.add(display + ": config: could not parse " + e.getKey() + " as a configuration key "
                        + "(configuration keys should be of the form `<namespace>:<name>`)");
                return;
            }
            boolean[] secret = {false};
            values.put(key.get(), unwrapSecrets(e.getValue(), secret));
            if (secret[0]) {
                secrets.add(key.get());
            }
        });
    }

    /** Applies the project's defaults and values, then checks required keys, secrets and types. */
    static void merge(String project, String stack, Map<String, ConfigDeclaration> declarations, Map<String, JsonNode> values,
                      Set<String> secrets, String display, List<String> problems) {
        List<String> missing = new ArrayList<>();
        for (ConfigDeclaration decl : declarations.values()) {
            if (values.containsKey(decl.key())) {
                continue;
            }
            if (decl.required(project)) {
                missing.add(decl.key().substring(project.length() + 1));
            } else {
                decl.value().or(decl::defaultValue).ifPresent(v -> values.put(decl.key(), v));
            }
        }
        if (!missing.isEmpty()) {
            missing.sort(null);
            problems.add(display + ": Stack '" + stack + "' is missing configuration value" + (missing.size() > 1 ? "s " : " ")
                    + quoteList(missing) + " (declared in Pulumi.yaml without a default); set "
                    + (missing.size() > 1 ? "them" : "it") + " with pulumi config set --stack " + stack + " <key> <value>");
        }
        for (ConfigDeclaration decl : new java.util.TreeMap<>(declarations).values()) { // the CLI checks keys in sorted order
            JsonNode value = values.get(decl.key());
            if (value == null || !decl.key().startsWith(project + ":")) {
                continue;
            }
            String key = decl.key().substring(project.length() + 1);
            if (decl.secret() && !secrets.contains(decl.key())) {
                problems.add(display + ": Stack '" + stack + "' with configuration key '" + key
                        + "' must be encrypted as it's secret; set it with pulumi config set --secret " + key);
            } else if (!secrets.contains(decl.key()) && !decl.accepts(value.isContainerNode() ? value : textOf(value))) {
                problems.add(display + ": Stack '" + stack + "' with configuration key '" + key + "' must be of type '"
                        + decl.typeName() + "'; got " + (value.isContainerNode() ? value.toString() : "\"" + textOf(value).asText() + "\""));
            }
        }
    }

    /** A plain value reaches type validation as its text ({@code config.Value}), as the CLI decodes it. */
    private static JsonNode textOf(JsonNode value) {
        return JsonNodeFactory.instance.textNode(value.isNull() ? "" : value.asText());
    }

    private static Optional<String> fullKey(String project, String key) {
        int colons = (int) key.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            return Optional.of(project + ":" + key);
        }
        if (colons == 1) {
            return Optional.of(key);
        }
        String[] parts = key.split(":", -1);
        if (colons == 2 && parts[1].equals("config") && !parts[0].isEmpty() && !parts[2].isEmpty()) {
            return Optional.of(parts[0] + ":" + parts[2]);
        }
        return Optional.empty();
    }

    /** Replaces every {@code {secure: ...}} with the secret marker, noting that the key holds a secret. */
    private static JsonNode unwrapSecrets(JsonNode node, boolean[] secret) {
        if (node.isObject() && node.size() == 1 && node.has("secure") && node.get("secure").isTextual()) {
            secret[0] = true;
            return JsonNodeFactory.instance.textNode(Project.SECRET);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), unwrapSecrets(f.getValue(), secret)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(unwrapSecrets(item, secret)));
            return copy;
        }
        return node;
    }

    private static Optional<JsonNode> present(JsonNode decl, String name) {
        JsonNode v = decl.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** The CLI's list: {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
    private static String quoteList(List<String> keys) {
        if (keys.size() == 1) {
            return "'" + keys.get(0) + "'";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == keys.size() - 1 ? "and " : "").append('\'').append(keys.get(i)).append('\'')
                    .append(i < keys.size() - 2 ? ", " : i == keys.size() - 2 ? " " : "");
        }
        return out.toString();
    }
}
