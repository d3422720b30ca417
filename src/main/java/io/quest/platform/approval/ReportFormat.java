package io.quest.platform.approval;

import java.util.function.Function;

/** How the gate prints its report. */
public enum ReportFormat {
    /** Plain text for a terminal or a CI log. */
    TEXT(TextReport::render),
    /** A pull-request comment: summary line, table of the changes that need approval, collapsed rest, digest. */
    MARKDOWN(MarkdownReport::render),
    /** A stable JSON document for other tools; keys are only ever added. */
    JSON(JsonReport::render);

    private final Function<GateReport, String> renderer;

    ReportFormat(Function<GateReport, String> renderer) {
        this.renderer = renderer;
    }

    public String render(GateReport report) {
        return renderer.apply(report);
    }
}
