package io.quest.platform.logs;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the log archive's Athena table is, as data: its columns (a CloudWatch Logs batch as the stream writes it,
 * decompressed, one JSON object a line, GZIP objects), its partition keys (the stream's prefix, in order) and the table
 * properties that project them. Sources, read 2026-12-02: Amazon Athena User Guide, "Supported types for partition
 * projection" (enum: {@code projection.<column>.type}/{@code .values}, comma-separated; integer: {@code .range}, two
 * comma-separated bounds, and {@code .digits}, the zero-padded width) and "Specify custom S3 storage locations"
 * ({@code storage.location.template}, every partition column as {@code ${column}}),
 * https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html and
 * https://docs.aws.amazon.com/athena/latest/ug/partition-projection-setting-up.html (table properties set on the Glue
 * table are what Athena reads: "Partition projection with Amazon Athena",
 * https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html); the batch's fields: CloudWatch Logs
 * User Guide, "Subscription filters", the example of a decoded batch (messageType, owner, logGroup, logStream,
 * subscriptionFilters, logEvents of id, timestamp, message); Athena's JSON SerDe names: "OpenX JSON SerDe" (column names
 * are matched to JSON keys case-insensitively, so the columns are the keys in lowercase).
 */
public final class LogArchiveTableSchema {

    /** The Glue database: lowercase letters and underscores, as Athena requires. */
    public static final String DATABASE = "quest_log_archive";
    /** The table, queried as {@code quest_log_archive.logs}. */
    public static final String TABLE = "logs";
    /** The Athena workgroup that queries it. */
    public static final String WORKGROUP = "quest-log-archive";
    /** Where the workgroup writes query results, in the archive bucket, beside (never under) the stream's prefixes. */
    public static final String RESULTS_PREFIX = "athena-results/";
    /** The OpenX JSON SerDe, which reads one JSON object a line. */
    public static final String SERDE = "org.openx.data.jsonserde.JsonSerDe";
    /** Text objects, read by extension: the stream's {@code .gz} objects are decompressed on the way. */
    public static final String INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
    public static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    /** The partition keys, in the order of {@link LogAggregation#OBJECT_PREFIX}. */
    public static final List<String> PARTITION_KEYS = List.of("account", "environment", "type", "year", "month", "day");
    /** The first year the archive has: the year this layout was introduced. Projection needs a closed range. */
    public static final int FIRST_YEAR = 2026;
    /** The last year projected. */
    public static final int LAST_YEAR = 2099;
    /** A batch's fields, lowercase, with their Hive types. */
    public static final Map<String, String> COLUMNS = columns();

    private LogArchiveTableSchema() {
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("messagetype", "string");
        columns.put("owner", "string");
        columns.put("loggroup", "string");
        columns.put("logstream", "string");
        columns.put("subscriptionfilters", "array<string>");
        columns.put("logevents", "array<struct<id:string,timestamp:bigint,message:string>>");
        return java.util.Collections.unmodifiableMap(columns);
    }

    /** {@code s3://<bucket>/logs/}: where the stream writes. */
    public static String location(String bucket) {
        return "s3://" + bucket + "/" + LogAggregation.PREFIX;
    }

    /** {@code s3://<bucket>/athena-results/}: where the workgroup's query results go. */
    public static String resultsLocation(String bucket) {
        return "s3://" + bucket + "/" + RESULTS_PREFIX;
    }

    /**
     * The table's properties: projection on; the member accounts, their environments and the kinds of log as enums (the
     * partitions the stream can write for them: a CloudWatch Logs control message's {@code account=CloudwatchLogs}
     * stays out); year, month and day as zero-padded integers; the location template mirroring the stream's prefix.
     *
     * @param memberAccounts environment → account, as {@code quest-platform:accounts} of the shared stack less the shared
     *                       account itself
     */
    public static Map<String, String> tableParameters(String bucket, Map<String, String> memberAccounts) {
        if (memberAccounts.isEmpty()) {
            throw new IllegalArgumentException("the log archive's table needs at least one member account to project");
        }
        Map<String, String> p = new TreeMap<>();
        p.put("EXTERNAL", "TRUE");
        p.put("classification", "json");
        p.put("projection.enabled", "true");
        enumeration(p, "account", memberAccounts.values());
        enumeration(p, "environment", memberAccounts.keySet());
        enumeration(p, "type", Arrays.stream(LogType.values()).map(LogType::key).toList());
        integer(p, "year", FIRST_YEAR, LAST_YEAR, 4);
        integer(p, "month", 1, 12, 2);
        integer(p, "day", 1, 31, 2);
        p.put("storage.location.template", location(bucket) + PARTITION_KEYS.stream()
                .map(key -> key + "=${" + key + "}/").collect(Collectors.joining()));
        return p;
    }

    private static void enumeration(Map<String, String> p, String column, Collection<String> values) {
        for (String value : values) {
            if (value.isBlank() || value.contains(",") || !value.strip().equals(value)) {
                throw new IllegalArgumentException("'" + value + "' cannot be a projected value of " + column
                        + ": Athena splits enum values at commas and keeps white space");
            }
        }
        p.put("projection." + column + ".type", "enum");
        p.put("projection." + column + ".values", String.join(",", new TreeSet<>(values)));
    }

    private static void integer(Map<String, String> p, String column, int from, int to, int digits) {
        p.put("projection." + column + ".type", "integer");
        p.put("projection." + column + ".range", from + "," + to);
        p.put("projection." + column + ".digits", String.valueOf(digits));
    }
}
