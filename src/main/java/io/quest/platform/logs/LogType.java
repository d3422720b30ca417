package io.quest.platform.logs;

/**
 * The kinds of log a workload account ships to the log archive: each is a partition of the archive
 * ({@code type=<key>}) and the last part of its subscription filter's name.
 */
public enum LogType {
    /** The service's container logs ({@code /quest/<env>-web}). */
    SERVICE("service"),
    /** The VPC's flow logs. */
    FLOW_LOGS("flowlogs"),
    /** The account's CloudTrail events, as the trail delivers them to CloudWatch Logs. */
    TRAIL("trail");

    private final String key;

    LogType(String key) {
        this.key = key;
    }

    /** The partition value and filter name part: lowercase letters only. */
    public String key() {
        return key;
    }
}
