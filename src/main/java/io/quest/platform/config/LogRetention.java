package io.quest.platform.config;

import java.util.List;
import java.util.stream.Collectors;

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy); any other number is refused by AWS. */
public final class LogRetention {

    public static final List<Integer> ALLOWED_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    /** Reads a retention setting, recording a problem for a value CloudWatch would refuse. */
    public static int read(Settings settings, String name, int defaultDays) {
        int days = settings.integer(name, defaultDays);
        if (!ALLOWED_DAYS.contains(days)) {
            settings.reject(name, days, "is not a retention CloudWatch Logs accepts; expected one of "
                    + ALLOWED_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            return defaultDays;
        }
        return days;
    }
}
