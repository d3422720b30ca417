package io.quest.platform.observability;

import java.util.Objects;
import java.util.Optional;

/**
 * When one alarm fires: its threshold, the length of a period, how many periods it looks at, how many of
 * them must breach, and what a period without data means.
 *
 * @param threshold         the value compared with the metric, in the metric's unit
 * @param periodSeconds     length of one evaluation period: a multiple of 60 (the metrics watched are published once a minute)
 * @param evaluationPeriods how many recent periods are evaluated (the N of "M out of N")
 * @param datapointsToAlarm how many of them must breach (the M of "M out of N")
 * @param treatMissingData  what a period without data means
 */
public record AlarmSettings(
        double threshold,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        TreatMissingData treatMissingData) {

    /** CloudWatch's limit on period × evaluation periods for periods under an hour (PutMetricAlarm). */
    public static final int MAX_WINDOW_SHORT_PERIODS = 86_400;
    /** CloudWatch's limit on period × evaluation periods otherwise: seven days. */
    public static final int MAX_WINDOW = 604_800;

    public AlarmSettings {
        Objects.requireNonNull(treatMissingData, "treatMissingData");
        periodProblem(periodSeconds).ifPresent(p -> {
            throw new IllegalArgumentException("period " + periodSeconds + " " + p);
        });
        windowProblem(periodSeconds, evaluationPeriods).ifPresent(p -> {
            throw new IllegalArgumentException("evaluation periods " + evaluationPeriods + " " + p);
        });
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("datapoints to alarm " + datapointsToAlarm + " is not from 1 to " + evaluationPeriods);
        }
    }

    /**
     * What is wrong with a period, if anything. CloudWatch accepts 10, 20, 30 and multiples of 60 seconds;
     * the sub-minute ones only make sense for high-resolution metrics, and the load balancer, ECS and
     * Synthetics metrics are published once a minute, so such an alarm would sit in INSUFFICIENT_DATA.
     */
    public static Optional<String> periodProblem(int periodSeconds) {
        if (periodSeconds == 10 || periodSeconds == 20 || periodSeconds == 30) {
            return Optional.of("is a high-resolution period, but the load balancer, ECS and Synthetics metrics are published once a minute;"
                    + " expected a multiple of 60 seconds");
        }
        if (periodSeconds <= 0 || periodSeconds % 60 != 0) {
            return Optional.of("is not a period CloudWatch accepts; expected 10, 20, 30 or a multiple of 60 seconds (and a multiple of 60 here)");
        }
        return Optional.empty();
    }

    /** What is wrong with the evaluation window (period × evaluation periods), if anything. */
    public static Optional<String> windowProblem(int periodSeconds, int evaluationPeriods) {
        if (evaluationPeriods < 1) {
            return Optional.of("is not a number of periods; expected at least 1");
        }
        long window = (long) periodSeconds * evaluationPeriods;
        long limit = periodSeconds < 3600 ? MAX_WINDOW_SHORT_PERIODS : MAX_WINDOW;
        if (window > limit) {
            return Optional.of("with a period of " + periodSeconds + " seconds spans " + window + " seconds; CloudWatch allows "
                    + limit + (periodSeconds < 3600 ? " (one day) for periods under an hour" : " (seven days)"));
        }
        return Optional.empty();
    }
}
