package io.quest.platform.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;

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
 *   <li>{@code pulumi preview --json}: {@code PreviewDigest} of {@code pkg/display/json.go}, with steps
 *       {@code op, urn, oldState, newState, diffReasons, replaceReasons, detailedDiff}.</li>
 *   <li>Engine events ({@code --event-log}): one JSON event a line, or an object with an {@code events} list;
 *       {@code resourcePreEvent.metadata}, {@code diagnosticEvent} and {@code summaryEvent} are read.</li>
 * </ul>
 * Unknown fields are ignored; anything that is not one of these shapes is a {@link PreviewFormatException}.
 */
public final class PreviewParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads one whole document: a second object after the first (an event log) is not silently dropped. */
    private static final ObjectReader WHOLE_DOCUMENT = JSON.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The engine's colour markup, e.g. {@code <{%fg 1%}>} and {@code <{%reset%}>}. */
    private static final Pattern COLOUR = Pattern.compile("<\\{%[^%]*%}>");

    private PreviewParser() {
    }

    /**
     * Parses preview text.
     *
     * @param text   the file's contents
     * @param origin what to call the input in error messages (a file name)
     */
    public static Preview parse(String text, String origin) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new PreviewFormatException(origin + " is empty; expected the output of `pulumi preview --json` or an engine event log");
        }
        JsonNode whole = tryReadWhole(trimmed);
        if (whole != null) {
            if (!whole.isObject()) {
                throw notAPreview(origin, "a JSON " + whole.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            if (whole.has("events")) {
                return fromEvents(elements(whole.get("events"), origin + ": events"), origin);
            }
            if (whole.has("steps") || whole.has("changeSummary")) {
                return fromPreviewJson(whole, origin);
            }
            if (isEvent(whole)) {
                return fromEvents(List.of(whole), origin);
            }
            throw notAPreview(origin, "an object with fields " + fieldNames(whole));
        }
        return fromEvents(readLines(trimmed, origin), origin);
    }

    private static JsonNode tryReadWhole(String text) {
        try {
            return WHOLE_DOCUMENT.readValue(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<JsonNode> readLines(String text, String origin) {
        List<JsonNode> events = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode event = JSON.readTree(line);
                if (!event.isObject() || !isEvent(event)) {
                    throw notAPreview(origin, "line " + (i + 1) + " that is not an engine event");
                }
                events.add(event);
            } catch (JsonProcessingException e) {
                throw new PreviewFormatException(origin + " line " + (i + 1) + " is not JSON ("
                        + e.getOriginalMessage() + "); expected the output of `pulumi preview --json` or one engine event a line", e);
            }
        }
        return events;
    }

    private static boolean isEvent(JsonNode node) {
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
        Folder folder = new Folder(origin);
        for (JsonNode step : elements(root.path("steps"), origin + ": steps")) {
            JsonNode oldState = step.path("oldState");
            JsonNode newState = step.path("newState");
            List<String> changed = new ArrayList<>(fieldNames(step.path("detailedDiff")));
            if (changed.isEmpty()) {
                changed.addAll(strings(step.path("diffReasons")));
            }
            folder.add(
                    requiredText(step, "op", origin + ": step"),
                    requiredText(step, "urn", origin + ": step"),
                    firstText(newState.path("type"), oldState.path("type")),
                    oldState.path("protect").asBoolean(false),
                    oldState.path("inputs"),
                    newState.path("inputs"),
                    changed,
                    strings(step.path("replaceReasons")));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode diagnostic : elements(root.path("diagnostics"), origin + ": diagnostics")) {
            diagnostics.add(diagnostic(diagnostic));
        }
        Optional<String> result = root.hasNonNull("result") ? Optional.of(root.get("result").asText()) : Optional.empty();
        return new Preview(PreviewSource.PREVIEW_JSON, folder.changes(), diagnostics, counts(root.path("changeSummary")), result);
    }

    private static Preview fromEvents(List<JsonNode> events, String origin) {
        Folder folder = new Folder(origin);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Integer> summary = Map.of();
        Optional<String> result = Optional.empty();
        boolean sawSummary = false;
        for (JsonNode event : events) {
            if (event.has("resourcePreEvent")) {
                JsonNode metadata = event.get("resourcePreEvent").path("metadata");
                JsonNode oldState = metadata.path("old");
                JsonNode newState = metadata.path("new");
                List<String> changed = new ArrayList<>(fieldNames(metadata.path("detailedDiff")));
                if (changed.isEmpty()) {
                    changed.addAll(strings(metadata.path("diffs")));
                }
                folder.add(
                        requiredText(metadata, "op", origin + ": resourcePreEvent.metadata"),
                        requiredText(metadata, "urn", origin + ": resourcePreEvent.metadata"),
                        firstText(metadata.path("type"), newState.path("type"), oldState.path("type")),
                        oldState.path("protect").asBoolean(false),
                        oldState.path("inputs"),
                        newState.path("inputs"),
                        changed,
                        strings(metadata.path("keys")));
            } else if (event.has("diagnosticEvent")) {
                diagnostics.add(diagnostic(event.get("diagnosticEvent")));
            } else if (event.has("summaryEvent")) {
                JsonNode summaryEvent = event.get("summaryEvent");
                summary = counts(summaryEvent.path("resourceChanges"));
                if (summaryEvent.hasNonNull("result")) {
                    result = Optional.of(summaryEvent.get("result").asText());
                }
                sawSummary = true;
            }
        }
        if (folder.isEmpty() && diagnostics.isEmpty() && !sawSummary) {
            throw notAPreview(origin, "engine events without any resourcePreEvent, diagnosticEvent or summaryEvent");
        }
        return new Preview(PreviewSource.ENGINE_EVENTS, folder.changes(), diagnostics, summary, result);
    }

    private static Diagnostic diagnostic(JsonNode node) {
        Optional<String> urn = node.hasNonNull("urn") && !node.get("urn").asText().isEmpty()
                ? Optional.of(node.get("urn").asText()) : Optional.empty();
        String message = COLOUR.matcher(node.path("message").asText("")).replaceAll("").strip();
        return new Diagnostic(urn, node.path("severity").asText("info"), message);
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static List<JsonNode> elements(JsonNode node, String what) {
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

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new PreviewFormatException(where + " has no \"" + field + "\"; every step needs an op and a urn");
        }
        return value.asText();
    }

    private static Optional<String> firstText(JsonNode... candidates) {
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

    /** Folds the engine's steps per URN: the three steps of a replacement become one REPLACE. */
    private static final class Folder {
        private final String origin;
        private final Map<String, Accumulator> byUrn = new LinkedHashMap<>();

        Folder(String origin) {
            this.origin = origin;
        }

        void add(String op, String urn, Optional<String> type, boolean protect, JsonNode oldInputs, JsonNode newInputs,
                 List<String> changed, List<String> replaceKeys) {
            Operation operation = Operation.fromEngine(op);
            Urn parsed;
            try {
                parsed = Urn.parse(urn);
            } catch (PreviewFormatException e) {
                throw new PreviewFormatException(origin + ": " + e.getMessage(), e);
            }
            Accumulator acc = byUrn.computeIfAbsent(urn, u -> new Accumulator(parsed));
            acc.add(op, operation, type, protect, oldInputs, newInputs, changed, replaceKeys);
        }

        boolean isEmpty() {
            return byUrn.isEmpty();
        }

        List<ResourceChange> changes() {
            return byUrn.values().stream().map(Accumulator::toChange).toList();
        }
    }

    private static final class Accumulator {
        private final Urn urn;
        private Operation operation;
        private boolean replacement;
        private String type;
        private boolean protect;
        private JsonNode oldInputs = NullNode.getInstance();
        private JsonNode newInputs = NullNode.getInstance();
        private final List<String> changed = new ArrayList<>();
        private final List<String> replaceKeys = new ArrayList<>();

        Accumulator(Urn urn) {
            this.urn = urn;
            this.type = urn.type();
        }

        void add(String op, Operation next, Optional<String> stepType, boolean stepProtect, JsonNode oldState,
                 JsonNode newState, List<String> stepChanged, List<String> stepReplaceKeys) {
            replacement |= Operation.isReplacementStep(op);
            if (operation == null || operation == Operation.SAME) {
                operation = next;
            } else if (next != operation && next != Operation.SAME) {
                // A delete and a create of the same URN, or any mix with a replacement step, is a replacement.
                operation = Operation.REPLACE;
            }
            if (replacement) {
                operation = Operation.REPLACE;
            }
            stepType.ifPresent(t -> type = t);
            protect |= stepProtect;
            if (oldInputs.isNull() && isObject(oldState)) {
                oldInputs = oldState;
            }
            if (isObject(newState)) {
                newInputs = newState;
            }
            changed.addAll(stepChanged);
            replaceKeys.addAll(stepReplaceKeys);
        }

        private static boolean isObject(JsonNode node) {
            return node != null && node.isObject();
        }

        ResourceChange toChange() {
            return new ResourceChange(operation, urn, type, protect, oldInputs, newInputs, changed, replaceKeys);
        }
    }
}
