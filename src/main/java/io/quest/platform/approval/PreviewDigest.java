package io.quest.platform.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a preview's normalised changes, which an approval names so that it covers exactly the reviewed preview.
 * <p>
 * Each resource the preview changes (in the cloud, or its {@code protect} flag) becomes one line of canonical JSON
 * (keys sorted): its op, URN, type, the changed and replacing property paths, every new input (none for a delete,
 * whose old inputs are not applied), {@code protect} before and after, and any step op this gate does not know. Every
 * new input is bound, not only those the engine lists as changed, so an update that lists no changed keys (or the
 * wrong ones) cannot carry the digest of another. Lines are sorted by URN and hashed. Unchanged resources, step
 * order, the {@code --show-sames} flag, timestamps and the engine's {@code __defaults} bookkeeping do not move the
 * digest; any other change to what will be applied does. Secret values appear in a preview only as a placeholder, so
 * a change of a secret's value alone is not seen.
 */
public final class PreviewDigest {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");

    private PreviewDigest() {
    }

    /** The digest as 64 lower-case hex digits. */
    public static String of(Preview preview) {
        return sha256(String.join("\n", canonicalLines(preview)));
    }

    /** The normalised changes the digest is computed over, one canonical JSON object per line. */
    public static List<String> canonicalLines(Preview preview) {
        List<ResourceChange> changes = new ArrayList<>(preview.changes().stream()
                .filter(ResourceChange::isChange)
                .toList());
        changes.sort(Comparator.comparing(c -> c.urn().value()));
        List<String> lines = new ArrayList<>();
        for (ResourceChange change : changes) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("op", change.operation().label());
            line.put("urn", change.urn().value());
            line.put("type", change.type());
            line.put("changed", change.changedProperties());
            line.put("replaceKeys", change.replaceProperties());
            line.put("values", values(change));
            line.put("protect", List.of(change.protect(), change.protectAfter()));
            line.put("unknownOps", change.unknownOps());
            try {
                lines.add(CANONICAL.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the change of " + change.urn().value(), e);
            }
        }
        return lines;
    }

    /**
     * Reads a digest someone typed or pasted: surrounding space and an optional {@code sha256:} prefix are ignored.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    public static String normalise(String digest) {
        String value = digest.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("sha256:")) {
            value = value.substring("sha256:".length());
        }
        if (!HEX_DIGEST.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + digest + "\" is not a preview digest; expected the 64 hex digits the gate printed");
        }
        return value;
    }

    private static Map<String, Object> values(ResourceChange change) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode inputs = change.newInputs();
        if (change.operation() != Operation.DELETE && inputs.isObject()) {
            inputs.fieldNames().forEachRemaining(name -> putValue(values, inputs, name));
        }
        return values;
    }

    private static void putValue(Map<String, Object> values, JsonNode inputs, String name) {
        if (name.equals("__defaults")) {
            return;
        }
        JsonNode value = inputs.path(name);
        values.put(name, value.isMissingNode() ? null : withoutDefaults(CANONICAL.convertValue(value, Object.class)));
    }

    private static Object withoutDefaults(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!"__defaults".equals(entry.getKey())) {
                    copy.put(entry.getKey(), withoutDefaults(entry.getValue()));
                }
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PreviewDigest::withoutDefaults).toList();
        }
        return value;
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
