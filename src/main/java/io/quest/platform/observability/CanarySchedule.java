package io.quest.platform.observability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often the canary runs, as a Synthetics rate expression: {@code rate(1 minute)} to {@code rate(60 minutes)},
 * or {@code rate(1 hour)}. A one-off run ({@code rate(0 minutes)}) is not monitoring and is refused.
 *
 * @param expression the expression as Synthetics takes it
 * @param minutes    the interval between runs
 */
public record CanarySchedule(String expression, int minutes) {

    /** Defaults to every 5 minutes. */
    public static final CanarySchedule DEFAULT = new CanarySchedule("rate(5 minutes)", 5);

    private static final Pattern RATE = Pattern.compile("rate\\((\\d{1,4}) (minute|minutes|hour|hours)\\)");

    public CanarySchedule {
        if (minutes < 1 || minutes > 60) {
            throw new IllegalArgumentException("a canary runs every 1 to 60 minutes, not every " + minutes);
        }
    }

    /** Parses a rate expression; empty when it is not one Synthetics accepts for a recurring canary. */
    public static Optional<CanarySchedule> parse(String expression) {
        Matcher m = RATE.matcher(expression.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        boolean hours = m.group(2).startsWith("hour");
        int minutes = hours ? n * 60 : n;
        if (n == 0 || minutes > 60 || (n == 1) != m.group(2).matches("minute|hour")) {
            return Optional.empty();
        }
        return Optional.of(new CanarySchedule(expression.trim(), minutes));
    }

    /** Runs in an average month of 730 hours, as AWS's pricing calculator counts it. */
    public double runsPerMonth() {
        return 730.0 * 60 / minutes;
    }
}
