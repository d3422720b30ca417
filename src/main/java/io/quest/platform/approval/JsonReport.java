package io.quest.platform.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a gate report as JSON for other tools. Keys are only ever added, never renamed. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(GateReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stack", report.stack());
        root.put("production", report.production());
        root.put("source", report.preview().source().name().toLowerCase(Locale.ROOT));
        root.put("decision", report.decision().name());
        root.put("approval", report.approval().name());
        root.put("outcome", report.outcome().name());
        root.put("exitCode", report.exitCode());
        root.put("digest", report.digest());
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((op, n) -> counts.put(op.label(), n));
        root.put("counts", counts);
        root.put("engineSummary", new LinkedHashMap<>(report.preview().engineSummary()));
        root.put("engineResult", report.preview().result().orElse(null));
        root.put("finished", report.preview().finished());
        root.put("reasons", reasons(report.previewReasons()));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (ResourceReview review : report.reviews()) {
            ResourceChange change = review.change();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("urn", change.urn().value());
            entry.put("type", change.type());
            entry.put("name", change.name());
            entry.put("op", change.operation().label());
            entry.put("protect", change.protect());
            entry.put("protectAfter", change.protectAfter());
            entry.put("unknownOps", change.unknownOps());
            entry.put("changed", change.changedProperties());
            entry.put("replaceKeys", change.replaceProperties());
            entry.put("decision", review.decision().name());
            entry.put("reasons", reasons(review.reasons()));
            changes.add(entry);
        }
        root.put("changes", changes);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the gate report of stack " + report.stack() + " as JSON", e);
        }
    }

    private static List<Map<String, Object>> reasons(List<Reason> reasons) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Reason reason : reasons) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("decision", reason.decision().name());
            entry.put("text", reason.text());
            list.add(entry);
        }
        return list;
    }
}
