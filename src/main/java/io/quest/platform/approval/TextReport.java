package io.quest.platform.approval;

/** Renders a gate report as plain text for a terminal or a CI log. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append("stack ").append(report.stack()).append(": ").append(Summaries.verdict(report))
                .append(" (exit ").append(report.exitCode()).append(")\n");
        out.append("  changes: ").append(Summaries.counts(report.counts()));
        if (!report.preview().engineSummary().isEmpty()) {
            out.append("; engine summary: ").append(Summaries.engineCounts(report.preview().engineSummary()));
        }
        out.append('\n');
        if (report.production()) {
            out.append("  production stack: every change except tags needs approval\n");
        }
        out.append("  digest: ").append(report.digest()).append('\n');
        out.append("  ").append(PreviewCost.line(report.preview())).append('\n');
        for (Reason reason : report.previewReasons()) {
            out.append("  ").append(tag(reason.decision())).append(' ').append(reason.text()).append('\n');
        }
        for (ResourceReview review : report.reviews()) {
            ResourceChange change = review.change();
            if (!change.operation().changesCloud() && review.reasons().isEmpty()) {
                continue;
            }
            out.append("  ").append(tag(review.decision())).append(' ').append(change.operation().label())
                    .append(' ').append(change.type()).append(' ').append(change.name()).append('\n');
            for (Reason reason : review.reasons()) {
                out.append("      - ").append(reason.text()).append('\n');
            }
        }
        if (report.outcome() == Decision.NEEDS_APPROVAL) {
            out.append("  to approve exactly this preview: --approve ").append(report.digest()).append('\n');
        }
        return out.toString();
    }

    private static String tag(Decision decision) {
        return switch (decision) {
            case APPLY -> "[ok]     ";
            case NEEDS_APPROVAL -> "[approve]";
            case BLOCKED -> "[blocked]";
        };
    }
}
