package io.quest.platform.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Short phrases shared by the report renderers. */
final class Summaries {

    private Summaries() {
    }

    /** Most consequential first, unchanged last. */
    private static final List<Operation> ORDER = List.of(Operation.UNKNOWN, Operation.DELETE, Operation.REPLACE, Operation.UPDATE,
            Operation.CREATE, Operation.IMPORT, Operation.READ, Operation.REFRESH, Operation.DISCARD, Operation.SAME);

    /** "2 to delete, 1 to update, 2 unchanged", or "no changes". */
    static String counts(Map<Operation, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (Operation op : ORDER) {
            if (counts.containsKey(op)) {
                parts.add(counts.get(op) + " " + phrase(op));
            }
        }
        return parts.isEmpty() ? "no changes" : String.join(", ", parts);
    }

    /** The engine's own counts as it wrote them ("same 1"), which leave out steps a failed preview refused. */
    static String engineCounts(Map<String, Integer> summary) {
        List<String> parts = new ArrayList<>();
        summary.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** Whether the engine's counts leave out changes the steps show, as a failed preview does with what it refused. */
    static boolean engineSummaryDiffers(Preview preview) {
        if (preview.engineSummary().isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Integer> entry : preview.stepCounts().entrySet()) {
            String op = entry.getKey();
            if (changesCloud(op) && preview.engineSummary().getOrDefault(op, 0) < entry.getValue()) {
                return true;
            }
        }
        return false;
    }

    private static boolean changesCloud(String op) {
        try {
            return Operation.fromEngine(op).changesCloud() && !Operation.isReplacementStep(op) || op.equals("replace");
        } catch (PreviewFormatException e) {
            return true;
        }
    }

    /** The headline verdict, including the effect of an approval. */
    static String verdict(GateReport report) {
        return switch (report.approval()) {
            case MATCHES -> report.decision() == Decision.NEEDS_APPROVAL
                    ? "approved (the approval names this preview's digest)"
                    : report.outcome().label();
            case DIFFERS -> report.decision() == Decision.NEEDS_APPROVAL
                    ? "needs approval (the approval given names another digest: the preview changed since it was reviewed)"
                    : report.outcome().label();
            case NONE -> report.outcome().label();
        };
    }

    private static String phrase(Operation op) {
        return switch (op) {
            case SAME -> "unchanged";
            case CREATE -> "to create";
            case UPDATE -> "to update";
            case DELETE -> "to delete";
            case REPLACE -> "to replace";
            case READ -> "to read";
            case IMPORT -> "to import";
            case REFRESH -> "to refresh";
            case DISCARD -> "to discard";
            case UNKNOWN -> "with a step op this gate does not know";
        };
    }
}
