package io.quest.platform.observability;

/**
 * The Logs Insights queries saved for the service's log group. The request queries read the fields of a
 * JSON access log line ({@code method}, {@code path}, {@code status}, {@code durationMs}), which Logs Insights
 * discovers on its own; lines without them are skipped.
 */
public enum LogQuery {
    /** The latest lines that report an error, an exception or a fatal condition. */
    RECENT_ERRORS("recent-errors", "Recent errors",
            "fields @timestamp, @logStream, @message\n"
                    + "| filter @message like /(?i)(error|exception|fatal|panic)/\n"
                    + "| sort @timestamp desc\n"
                    + "| limit 100"),
    /** The slowest requests of the time range. */
    SLOWEST_REQUESTS("slowest-requests", "Slowest requests",
            "fields @timestamp, method, path, status, durationMs\n"
                    + "| filter ispresent(durationMs)\n"
                    + "| sort durationMs desc\n"
                    + "| limit 50"),
    /** 5xx responses counted by path, worst first. */
    ERRORS_BY_PATH("5xx-by-path", "5xx by path",
            "filter status >= 500\n"
                    + "| stats count(*) as errors by path\n"
                    + "| sort errors desc\n"
                    + "| limit 50");

    private final String key;
    private final String title;
    private final String query;

    LogQuery(String key, String title, String query) {
        this.key = key;
        this.title = title;
        this.query = query;
    }

    /** Stable key in resource names. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The query, without a SOURCE clause (saved queries name their log groups separately). */
    public String query() {
        return query;
    }

    /** The query with a SOURCE clause, as a dashboard log widget runs it. */
    public String against(String logGroupName) {
        return "SOURCE '" + logGroupName.replace("'", "") + "' | " + query.replace("\n", " ");
    }

    /** The saved query's name; a '/' files it in a folder of the Logs Insights console. */
    public String savedName(String environment) {
        return "quest/" + environment + "/" + title;
    }
}
