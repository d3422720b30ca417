package io.quest.platform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Pulumi project on disk: {@code Pulumi.yaml} and every {@code Pulumi.<stack>.yaml} beside it, read the
 * way the Pulumi CLI reads them: keys without a namespace belong to the project, project-level config
 * defaults apply, structured values become JSON text, {@code secure:} values are secrets.
 */
public record Project(String name, Path directory, Map<String, StackFile> stacks) {

    /** How a secret reads everywhere outside the program: in plans, outputs and messages. */
    public static final String SECRET = "[secret]";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.ya?ml");

    public Project {
        stacks = java.util.Collections.unmodifiableMap(new TreeMap<>(stacks));
    }

    /** Reads the project in a directory; a missing or malformed file is a {@link PlanException}. */
    public static Project load(Path directory) {
        Path projectFile = directory.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(projectFile)) {
            throw new PlanException("no Pulumi.yaml in " + directory.toAbsolutePath().normalize()
                    + "; run from the repository root or pass --cwd");
        }
        JsonNode project = read(projectFile);
        String name = project.path("name").asText("");
        if (name.isBlank()) {
            throw new PlanException(projectFile + ": the project has no name");
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        project.path("config").fields().forEachRemaining(e -> {
            JsonNode decl = e.getValue();
            JsonNode value = decl.isObject() && (decl.has("default") || decl.has("value"))
                    ? decl.has("value") ? decl.get("value") : decl.get("default")
                    : decl.isObject() ? null : decl;
            if (value != null) {
                defaults.put(fullKey(name, e.getKey()), text(value));
            }
        });

        Map<String, StackFile> stacks = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = STACK_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    stacks.put(m.group(1), stackFile(name, m.group(1), file, defaults));
                }
            }
        } catch (IOException e) {
            throw new PlanException("cannot list " + directory + ": " + e.getMessage());
        }
        return new Project(name, directory, stacks);
    }

    private static StackFile stackFile(String project, String stack, Path file, Map<String, String> defaults) {
        JsonNode root = read(file);
        Map<String, String> config = new TreeMap<>(defaults);
        Set<String> secrets = new HashSet<>();
        JsonNode section = root.path("config");
        Iterator<Map.Entry<String, JsonNode>> fields = section.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = fullKey(project, e.getKey());
            boolean[] secret = {false};
            JsonNode value = unwrapSecrets(e.getValue(), secret);
            if (secret[0]) {
                secrets.add(key);
            }
            config.put(key, text(value));
        }
        return new StackFile(stack, config, secrets);
    }

    /** Replaces every {@code {secure: ...}} with the secret marker, noting that the key holds a secret. */
    private static JsonNode unwrapSecrets(JsonNode node, boolean[] secret) {
        if (node.isObject() && node.size() == 1 && node.has("secure")) {
            secret[0] = true;
            return TextNode.valueOf(SECRET);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), unwrapSecrets(f.getValue(), secret)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(unwrapSecrets(item, secret)));
            return copy;
        }
        return node;
    }

    private static String fullKey(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static String text(JsonNode value) {
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            throw new PlanException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
