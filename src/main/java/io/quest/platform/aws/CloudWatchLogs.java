package io.quest.platform.aws;

import java.util.List;

/** What CloudWatch Logs accepts, for the components that create log groups and the config that sizes them. */
public final class CloudWatchLogs {

    /** The retention periods PutRetentionPolicy accepts, in days; AWS refuses any other number. */
    public static final List<Integer> RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private CloudWatchLogs() {
    }

    /** Whether CloudWatch Logs accepts this retention. */
    public static boolean acceptsRetention(int days) {
        return RETENTION_DAYS.contains(days);
    }
}
