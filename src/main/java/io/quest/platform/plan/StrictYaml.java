package io.quest.platform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a YAML file the way the Pulumi CLI does (Go's {@code gopkg.in/yaml.v3}, YAML 1.2 core schema), not
 * the way a YAML 1.1 library would, and refuses what the CLI refuses. The differences matter: yaml.v3
 * reads {@code yes} as the text "yes" (not true), {@code 0123} as the octal number 83 and
 * {@code 012345678901} as the number 12345678901, and it rejects a key repeated in one mapping
 * ({@code mapping key "x" already defined at line N}). Every problem carries file, line and column.
 *
 * <p>Sources: go-yaml/yaml v3 {@code resolve.go} (plain scalar resolution: null, bool, int with base
 * prefix, {@code yamlStyleFloat}) and {@code decode.go} (duplicate mapping keys); pulumi/pulumi
 * {@code sdk/go/common/encoding/marshal.go} at 1b5949891b3cefcb9974752b24a5ecef0acc86c8 (the CLI decodes
 * project and stack files with yaml.v3 and strips a UTF-8 byte order mark first,
 * {@code sdk/go/common/workspace/loaders.go}).
 */
final class StrictYaml {

    /** A parsed document, or none when the file is not YAML at all, with every problem found. */
    record Document(JsonNode root, List<String> problems) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");

    private StrictYaml() {
    }

    /** Reads a file; {@code display} is how messages name it (relative to the project, usually). */
    static Document read(Path file, String display) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Document(null, List.of(display + ": cannot be read: " + e.getMessage()));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text, display);
    }

    static Document parse(String text, String display) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported below, with both lines, instead of failing at the first
        Node root;
        try (Reader reader = new java.io.StringReader(text)) {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? display : display + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            String why = e.getProblem() != null ? e.getProblem() : e.getMessage().lines().findFirst().orElse("");
            return new Document(null, List.of(where + ": is not valid YAML: " + why));
        } catch (YAMLException | IOException e) {
            return new Document(null, List.of(display + ": is not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        List<String> problems = new ArrayList<>();
        JsonNode json = root == null ? null : convert(root, display, problems);
        return new Document(json, List.copyOf(problems));
    }

    private static JsonNode convert(Node node, String display, List<String> problems) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = NODES.objectNode();
            Map<String, Integer> lines = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                JsonNode key = convert(tuple.getKeyNode(), display, problems);
                String name = key.isValueNode() ? key.asText() : key.toString();
                int line = tuple.getKeyNode().getStartMark().getLine() + 1;
                Integer first = lines.putIfAbsent(name, line);
                if (first != null) {
                    problems.add(at(display, tuple.getKeyNode()) + ": mapping key \"" + name + "\" already defined at line " + first
                            + "; the Pulumi CLI refuses a key given twice in one mapping: keep one");
                    continue;
                }
                object.set(name, convert(tuple.getValueNode(), display, problems));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            for (Node item : sequence.getValue()) {
                array.add(convert(item, display, problems));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return NODES.textNode(value);
        }
        if (LEADING_ZERO.matcher(value).matches()) {
            problems.add(at(display, node) + ": " + value + " is unquoted, so YAML reads it as the number "
                    + resolve(value).asText() + " and the leading zero is lost; quote it: \"" + value + "\"");
            return NODES.textNode(value);
        }
        return resolve(value);
    }

    /** A plain scalar as yaml.v3 resolves it under the YAML 1.2 core schema. */
    static JsonNode resolve(String plain) {
        switch (plain) {
            case "", "~", "null", "Null", "NULL" -> {
                return NODES.nullNode();
            }
            case "true", "True", "TRUE" -> {
                return NODES.booleanNode(true);
            }
            case "false", "False", "FALSE" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                // fall through to numbers
            }
        }
        String digits = plain.replace("_", "");
        BigInteger integer = parseInteger(digits);
        if (integer != null && integer.bitLength() < 64) {
            return NODES.numberNode(integer.longValue());
        }
        if (YAML_FLOAT.matcher(digits).matches()) {
            double d = Double.parseDouble(digits);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode((long) d) : NODES.numberNode(d);
        }
        return NODES.textNode(plain);
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}: 0x hex, 0o and leading-0 octal, 0b binary, else decimal. */
    private static BigInteger parseInteger(String s) {
        String sign = "";
        String body = s;
        if (body.startsWith("-") || body.startsWith("+")) {
            sign = body.startsWith("-") ? "-" : "";
            body = body.substring(1);
        }
        int radix = 10;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            radix = 16;
            body = body.substring(2);
        } else if (body.startsWith("0o") || body.startsWith("0O")) {
            radix = 8;
            body = body.substring(2);
        } else if (body.startsWith("0b") || body.startsWith("0B")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        try {
            return new BigInteger(sign + body, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String at(String display, Node node) {
        return display + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
    }
}
