package io.quest.platform.approval;

import java.util.List;

/**
 * Renders a gate report as a pull-request comment section: a summary line, a table of the changes that need
 * approval or are blocked with their reasons, the other changes collapsed, and the digest to approve.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(icon(report.outcome())).append(" `").append(report.stack()).append("`: ")
                .append(Summaries.verdict(report)).append("\n\n");
        out.append(Summaries.counts(report.counts()));
        if (Summaries.engineSummaryDiffers(report.preview())) {
            out.append(" (engine summary: ").append(Summaries.engineCounts(report.preview().engineSummary()))
                    .append(", without the steps it refused)");
        }
        if (report.production()) {
            out.append(" · production stack");
        }
        out.append(" · digest `").append(report.digest()).append("`\n\n");
        out.append(cell(PreviewCost.line(report.preview()).replace("monthly cost change", "Monthly cost change"))).append("\n\n");

        for (Reason reason : report.previewReasons()) {
            out.append("- ").append(icon(reason.decision())).append(' ').append(cell(reason.text())).append('\n');
        }
        if (!report.previewReasons().isEmpty()) {
            out.append('\n');
        }

        List<ResourceReview> flagged = report.reviews().stream()
                .filter(r -> r.decision() != Decision.APPLY).toList();
        if (!flagged.isEmpty()) {
            out.append("| | Resource | Type | Operation | Reasons |\n|---|---|---|---|---|\n");
            for (ResourceReview review : flagged) {
                ResourceChange change = review.change();
                out.append("| ").append(icon(review.decision())).append(" | `").append(cell(change.name()))
                        .append("` | `").append(change.type()).append("` | ").append(change.operation().label())
                        .append(" | ").append(String.join("<br>", review.reasons().stream().map(r -> cell(r.text())).toList()))
                        .append(" |\n");
            }
            out.append('\n');
        }

        List<ResourceReview> rest = report.reviews().stream()
                .filter(r -> r.decision() == Decision.APPLY && r.change().operation().changesCloud()).toList();
        if (!rest.isEmpty()) {
            out.append("<details><summary>").append(rest.size()).append(" other change")
                    .append(rest.size() == 1 ? "" : "s").append(" that apply without approval</summary>\n\n");
            out.append("| Resource | Type | Operation | Changed |\n|---|---|---|---|\n");
            for (ResourceReview review : rest) {
                ResourceChange change = review.change();
                out.append("| `").append(cell(change.name())).append("` | `").append(change.type()).append("` | ")
                        .append(change.operation().label()).append(" | ")
                        .append(cell(String.join(", ", change.changedProperties()))).append(" |\n");
            }
            out.append("\n</details>\n\n");
        }
        if (report.outcome() == Decision.NEEDS_APPROVAL) {
            out.append("To approve exactly this preview, deploy with `--approve ").append(report.stack()).append('=')
                    .append(report.digest()).append("`. Any change to the preview changes the digest.\n");
        }
        return out.toString();
    }

    private static String icon(Decision decision) {
        return switch (decision) {
            case APPLY -> "✅";
            case NEEDS_APPROVAL -> "⚠️";
            case BLOCKED -> "⛔";
        };
    }

    /** Text safe inside a table cell: no pipes, no line breaks. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", "<br>");
    }
}
