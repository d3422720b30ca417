package io.quest.platform.config;

import io.quest.platform.aws.CloudWatchLogs;

import java.util.stream.Collectors;

/** Reads a log retention setting: one of the periods CloudWatch Logs accepts ({@link CloudWatchLogs#RETENTION_DAYS}). */
public final class LogRetention {

    private LogRetention() {
    }

    /** Reads a retention setting, recording a problem for a value CloudWatch would refuse. */
    public static int read(Settings settings, String name, int defaultDays) {
        int days = settings.integer(name, defaultDays);
        if (!CloudWatchLogs.acceptsRetention(days)) {
            settings.reject(name, days, "is not a retention CloudWatch Logs accepts; expected one of "
                    + CloudWatchLogs.RETENTION_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            return defaultDays;
        }
        return days;
    }
}
