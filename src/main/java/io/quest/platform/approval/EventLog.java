package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads engine events ({@code EngineEvent} of pulumi/pulumi {@code sdk/go/common/apitype/events.go} @
 * 1b5949891b3cefcb9974752b24a5ecef0acc86c8), "a discriminated union of all possible event types, and exactly one
 * field will be non-nil": an event of two kinds is refused, as is a second {@code summaryEvent}.
 */
final class EventLog {

    private static final String NO_RESOURCE_OP = "extend-parameterize";

    private EventLog() {
    }

    /**
     * Reads the events.
     *
     * @param events the events with their lines
     * @param origin the file, for messages
     * @param inList whether they are the elements of an {@code events} list (named {@code events[i]}) rather than
     *               lines (named {@code line n})
     */
    static Preview read(List<StrictJson.Located> events, String origin, boolean inList) {
        StepFolder folder = new StepFolder(origin);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<PolicyFinding> findings = new ArrayList<>();
        Map<String, Integer> summary = Map.of();
        Optional<String> result = Optional.empty();
        String summaryAt = null;
        for (int i = 0; i < events.size(); i++) {
            StrictJson.Located located = events.get(i);
            String where = inList ? "events[" + i + "]" : located.where();
            JsonNode event = located.value();
            if (!event.isObject()) {
                throw new PreviewFormatException(origin + " " + where + " is not an engine event object; " + StrictJson.EXPECTED);
            }
            String kind = kind(event, origin + " " + where);
            if (kind == null) {
                continue;
            }
            JsonNode body = event.get(kind);
            switch (kind) {
                case "resourcePreEvent" -> addStep(folder, body.path("metadata"), origin + " " + where, where);
                case "diagnosticEvent" -> diagnostics.add(PreviewParser.diagnostic(body));
                case "errorEvent" -> diagnostics.add(new Diagnostic(Optional.empty(), "error",
                        Redaction.redact("engine error event: " + body.path("error").asText(""))));
                case "policyEvent" -> findings.add(new PolicyFinding(PreviewParser.nonEmptyText(body.path("resourceUrn")),
                        policyName(body), body.path("enforcementLevel").asText(""),
                        oneLine(Redaction.redact(PreviewParser.withoutColour(body.path("message").asText(""))))));
                case "policyRemediationEvent" -> findings.add(new PolicyFinding(
                        PreviewParser.nonEmptyText(body.path("resourceUrn")), policyName(body), "remediate",
                        "the inputs the program gave are not the ones the preview shows"));
                case "summaryEvent" -> {
                    if (summaryAt != null) {
                        throw new PreviewFormatException(origin + " " + where + " is a second summaryEvent (the first is at "
                                + summaryAt + "); expected the events of one preview");
                    }
                    summaryAt = where;
                    if (body.path("isPreview").isBoolean() && !body.path("isPreview").asBoolean()) {
                        throw new PreviewFormatException(origin + " " + where + " is the summary of an update that ran"
                                + " (isPreview false); expected the event log of a preview");
                    }
                    summary = PreviewParser.counts(body.path("resourceChanges"), origin + " " + where + ": summaryEvent.resourceChanges");
                    result = PreviewParser.nonEmptyText(body.path("result"));
                    if (body.path("maybeCorrupt").asBoolean(false)) {
                        diagnostics.add(PreviewParser.MAYBE_CORRUPT);
                    }
                }
                default -> {
                    // prelude, stdout, resource outputs, progress, policy summaries: nothing to decide on
                }
            }
        }
        if (folder.isEmpty() && diagnostics.isEmpty() && findings.isEmpty() && summaryAt == null) {
            throw new PreviewFormatException(origin + " holds engine events without any resourcePreEvent, diagnosticEvent"
                    + " or summaryEvent; expected the event log of a preview");
        }
        return new Preview(PreviewSource.ENGINE_EVENTS, folder.changes(), diagnostics, summary, result, findings,
                folder.stepCounts(), summaryAt != null);
    }

    /** The one non-null field named {@code ...Event}, or null for an event of a kind with no payload. */
    private static String kind(JsonNode event, String where) {
        String kind = null;
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().endsWith("Event") || field.getValue().isNull()) {
                continue;
            }
            if (kind != null) {
                throw new PreviewFormatException(where + " is an engine event of two kinds, " + kind + " and "
                        + field.getKey() + "; expected exactly one kind an event");
            }
            if (!field.getValue().isObject()) {
                throw new PreviewFormatException(where + ": " + field.getKey() + " is not a JSON object; expected an event body");
            }
            kind = field.getKey();
        }
        return kind;
    }

    private static void addStep(StepFolder folder, JsonNode metadata, String context, String where) {
        if (!metadata.isObject()) {
            throw new PreviewFormatException(context + ": resourcePreEvent has no \"metadata\" object; expected the step it announces");
        }
        String op = PreviewParser.requiredText(metadata, "op", context + ": resourcePreEvent.metadata");
        if (op.equals(NO_RESOURCE_OP) && metadata.path("urn").asText("").isEmpty()) {
            folder.countWithoutResource(op);
            return;
        }
        String urn = PreviewParser.requiredText(metadata, "urn", context + ": resourcePreEvent.metadata");
        folder.add(PreviewParser.step(metadata, op, urn, "old", "new",
                PreviewParser.firstText(metadata.path("type"), metadata.path("new").path("type"), metadata.path("old").path("type")),
                "diffs", "keys"), where);
    }

    private static String policyName(JsonNode body) {
        String pack = body.path("policyPackName").asText("");
        String policy = body.path("policyName").asText("");
        return "`" + (pack.isEmpty() ? policy : pack + "/" + policy) + "`";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
