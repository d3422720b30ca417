package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a preview in either shape the Pulumi CLI writes and folds its steps into one change per resource.
 * <ul>
 *   <li>{@code pulumi preview --json}: {@code PreviewDigest} of pulumi/pulumi {@code pkg/display/json.go}, with steps
 *       {@code op, urn, oldState, newState, diffReasons, replaceReasons, detailedDiff}, {@code diagnostics} and
 *       {@code changeSummary}.</li>
 *   <li>Engine events ({@code --event-log}): {@code EngineEvent} of {@code sdk/go/common/apitype/events.go} @
 *       1b5949891b3cefcb9974752b24a5ecef0acc86c8, one a line or an object with an {@code events} list;
 *       {@code resourcePreEvent.metadata}, {@code diagnosticEvent}, {@code errorEvent}, {@code policyEvent},
 *       {@code policyRemediationEvent} and {@code summaryEvent} ({@code resourceChanges}, {@code result}) are read.</li>
 * </ul>
 * Unknown fields and event kinds are ignored, and an unknown step op is read (see {@link Operation#UNKNOWN}). What is
 * ambiguous is refused with a {@link PreviewFormatException} naming the file and line: a repeated key, text after a
 * value, two values on one line, an event of two kinds, a document with both {@code steps} and {@code events}.
 */
public final class PreviewParser {

    /** The engine's colour markup, e.g. {@code <{%fg 1%}>} and {@code <{%reset%}>}. */
    private static final Pattern COLOUR = Pattern.compile("<\\{%[^%]*%}>");
    /** Internal engine steps written without a resource ({@code pkg/resource/deploy/step.go}). */
    private static final String NO_RESOURCE_OP = "extend-parameterize";

    /** What the engine's {@code maybeCorrupt} flag is read as: an error, so the preview is blocked. */
    static final Diagnostic MAYBE_CORRUPT = new Diagnostic(Optional.empty(), "error",
            "the engine reports that resources may be corrupt (maybeCorrupt)");

    private PreviewParser() {
    }

    /**
     * Parses preview text.
     *
     * @param text   the file's contents
     * @param origin what to call the input in error messages (a file name)
     */
    public static Preview parse(String text, String origin) {
        if (text.isBlank()) {
            throw new PreviewFormatException(origin + " is empty; expected the output of `pulumi preview --json` or an engine event log");
        }
        List<StrictJson.Located> values = StrictJson.values(text, origin);
        if (values.size() == 1) {
            StrictJson.Located only = values.get(0);
            JsonNode whole = only.value();
            if (!whole.isObject()) {
                throw notAPreview(origin, "a JSON " + whole.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            boolean events = whole.has("events");
            boolean steps = whole.has("steps") || whole.has("changeSummary");
            if (events && steps) {
                throw new PreviewFormatException(origin + " holds both \"events\" and \"steps\"; expected either"
                        + " `pulumi preview --json` output or an engine event log, not both");
            }
            if (events) {
                List<StrictJson.Located> list = new ArrayList<>();
                List<JsonNode> elements = elements(whole.get("events"), origin + ": events");
                for (int i = 0; i < elements.size(); i++) {
                    list.add(new StrictJson.Located(only.firstLine(), only.lastLine(), elements.get(i)));
                }
                return EventLog.read(list, origin, true);
            }
            if (steps) {
                return fromPreviewJson(whole, origin);
            }
            if (isEvent(whole)) {
                return EventLog.read(values, origin, false);
            }
            throw notAPreview(origin, "an object with fields " + fieldNames(whole));
        }
        for (StrictJson.Located value : values) {
            if (!value.value().isObject() || !isEvent(value.value())) {
                throw new PreviewFormatException(origin + " " + value.where() + " is not an engine event (an object with"
                        + " one field such as \"resourcePreEvent\" or \"summaryEvent\"); " + StrictJson.EXPECTED);
            }
        }
        return EventLog.read(values, origin, false);
    }

    static boolean isEvent(JsonNode node) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.endsWith("Event") || name.equals("sequence")) {
                return true;
            }
        }
        return false;
    }

    private static Preview fromPreviewJson(JsonNode root, String origin) {
        StepFolder folder = new StepFolder(origin);
        List<JsonNode> steps = elements(root.path("steps"), origin + ": steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String where = "steps[" + i + "]";
            if (!step.isObject()) {
                throw new PreviewFormatException(origin + ": " + where + " is a JSON "
                        + step.getNodeType().name().toLowerCase(Locale.ROOT) + "; expected a step object");
            }
            String op = requiredText(step, "op", origin + ": step");
            if (op.equals(NO_RESOURCE_OP) && step.path("urn").asText("").isEmpty()) {
                folder.countWithoutResource(op);
                continue;
            }
            folder.add(step(step, op, requiredText(step, "urn", origin + ": step"), "oldState", "newState",
                    firstText(step.path("newState").path("type"), step.path("oldState").path("type")),
                    "diffReasons", "replaceReasons"), where);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode diagnostic : elements(root.path("diagnostics"), origin + ": diagnostics")) {
            diagnostics.add(diagnostic(diagnostic));
        }
        if (root.path("maybeCorrupt").asBoolean(false)) {
            diagnostics.add(MAYBE_CORRUPT);
        }
        Optional<String> result = nonEmptyText(root.path("result"));
        return new Preview(PreviewSource.PREVIEW_JSON, folder.changes(), diagnostics,
                counts(root.path("changeSummary"), origin + ": changeSummary"), result, List.of(), folder.stepCounts(), true);
    }

    /** One step from either shape: the state fields and the diff fields are named differently. */
    static StepFolder.Step step(JsonNode node, String op, String urn, String oldField, String newField,
                                Optional<String> type, String diffsField, String keysField) {
        List<String> changed = new ArrayList<>(fieldNames(node.path("detailedDiff")));
        if (changed.isEmpty()) {
            changed.addAll(strings(node.path(diffsField)));
        }
        return new StepFolder.Step(op, urn, type, node.path(oldField), node.path(newField), changed,
                strings(node.path(keysField)));
    }

    /**
     * A diagnostic; {@code --json} writes the engine's prefix into the message ({@code "error: preview failed"},
     * {@code pkg/backend/display/json.go}), which is dropped when it repeats the severity.
     */
    static Diagnostic diagnostic(JsonNode node) {
        Optional<String> urn = nonEmptyText(node.path("urn"));
        String severity = node.path("severity").asText("info");
        String message = COLOUR.matcher(node.path("message").asText("")).replaceAll("").strip();
        if (message.regionMatches(true, 0, severity + ":", 0, severity.length() + 1)) {
            message = message.substring(severity.length() + 1).strip();
        }
        return new Diagnostic(urn, severity, Redaction.redact(message));
    }

    static String withoutColour(String text) {
        return COLOUR.matcher(text).replaceAll("").strip();
    }

    static Map<String, Integer> counts(JsonNode node, String what) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return counts;
        }
        if (!node.isObject()) {
            throw new PreviewFormatException(what + " is a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + "; expected an object of counts per step op");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().canConvertToExactIntegral() || e.getValue().asInt() < 0) {
                throw new PreviewFormatException(what + "." + e.getKey() + " is " + e.getValue()
                        + "; expected a count (a whole number, 0 or more)");
            }
            counts.put(e.getKey(), e.getValue().asInt());
        });
        return counts;
    }

    static List<JsonNode> elements(JsonNode node, String what) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new PreviewFormatException(what + " is a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT) + "; expected a list");
        }
        List<JsonNode> list = new ArrayList<>();
        node.forEach(list::add);
        return list;
    }

    private static List<String> strings(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        }
        return list;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new PreviewFormatException(where + " has no \"" + field + "\"; every step needs an op and a urn");
        }
        return value.asText();
    }

    static Optional<String> nonEmptyText(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    static Optional<String> firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isEmpty()) {
                return Optional.of(candidate.asText());
            }
        }
        return Optional.empty();
    }

    private static PreviewFormatException notAPreview(String origin, String found) {
        return new PreviewFormatException(origin + " holds " + found
                + "; expected the output of `pulumi preview --json` (an object with \"steps\") or an engine event log"
                + " (one JSON event a line, or an object with \"events\")");
    }
}
