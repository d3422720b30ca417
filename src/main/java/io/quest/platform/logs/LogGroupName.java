package io.quest.platform.logs;

import io.quest.platform.aws.Partition;
import java.util.Objects;

/**
 * How a log group is named: exactly, or by a prefix AWS completes with a unique suffix at creation (the provider's
 * {@code namePrefix}). A key policy can name an exact log group's ARN before the log group exists; a prefixed one
 * only as the ARN pattern of its prefix.
 *
 * @param value  the name, or the prefix
 * @param prefix whether {@code value} is a prefix
 */
public record LogGroupName(String value, boolean prefix) {

    public LogGroupName {
        Objects.requireNonNull(value, "value");
        // CloudWatch Logs: 1-512 characters of a-z A-Z 0-9 _ - / . # (CreateLogGroup, logGroupName)
        if (value.isEmpty() || value.length() > 512 || !value.matches("[A-Za-z0-9_\\-/.#]+")) {
            throw new IllegalArgumentException("not a CloudWatch Logs log group name: " + value);
        }
    }

    /** A log group of exactly this name. */
    public static LogGroupName exactly(String name) {
        return new LogGroupName(name, false);
    }

    /** A log group whose name AWS makes from this prefix. */
    public static LogGroupName startingWith(String prefix) {
        return new LogGroupName(prefix, true);
    }

    /** The condition operator that compares the encryption context's ARN. */
    String arnOperator() {
        return prefix ? "ArnLike" : "ArnEquals";
    }

    /** The log group's ARN (ARNs of log groups carry no {@code :*} in the encryption context), or its prefix's pattern. */
    public String arnCondition(String accountId, String region) {
        return Partition.of(region).arn("logs", region, accountId, "log-group:" + value + (prefix ? "*" : ""));
    }

    String display() {
        return prefix ? value + "*" : value;
    }
}
