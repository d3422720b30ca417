package io.quest.platform.observability;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The synthetic health check: a canary that requests the service URL's health path on a schedule.
 *
 * @param schedule       how often it runs. Defaults to every 5 minutes
 * @param runtimeVersion the Synthetics runtime. Defaults to {@value #DEFAULT_RUNTIME}
 * @param path           the path requested; empty uses the service's health check path
 * @param timeoutSeconds how long one run may take: 15 to 840 seconds and no longer than the interval. Defaults to 60
 * @param retentionDays  how long run data and artifacts are kept (1 to 455 days). Defaults to 31
 * @param activeTracing  whether runs are traced with X-Ray (the role may then write traces). Defaults to false
 */
public record CanarySettings(
        CanarySchedule schedule,
        String runtimeVersion,
        Optional<String> path,
        int timeoutSeconds,
        int retentionDays,
        boolean activeTracing) {

    /**
     * The most recent Node.js/Puppeteer runtime AWS documents ("Runtime versions using Node.js and Puppeteer",
     * read 2026-11). The bundled script uses the {@code @aws/synthetics-puppeteer} namespace these runtimes provide.
     */
    public static final String DEFAULT_RUNTIME = "syn-nodejs-puppeteer-15.0";
    /** The first runtime with the {@code @aws/synthetics-*} namespaces the bundled script requires. */
    public static final String OLDEST_RUNTIME = "syn-nodejs-puppeteer-13.1";
    /** Synthetics' limits on success and failure retention, in days. */
    public static final int MAX_RETENTION_DAYS = 455;
    /** Synthetics' limit on a run's timeout, in seconds. */
    public static final int MAX_TIMEOUT_SECONDS = 840;

    private static final Pattern RUNTIME = Pattern.compile("syn-nodejs-puppeteer-(\\d+)\\.(\\d+)");

    public CanarySettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(path, "path");
        runtimeProblem(runtimeVersion).ifPresent(p -> {
            throw new IllegalArgumentException(runtimeVersion + " " + p);
        });
        timeoutProblem(timeoutSeconds, schedule).ifPresent(p -> {
            throw new IllegalArgumentException("timeout " + timeoutSeconds + " " + p);
        });
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention " + retentionDays + " is not from 1 to " + MAX_RETENTION_DAYS + " days");
        }
    }

    /** The defaults, with the service's health check path. */
    public static CanarySettings defaults() {
        return new CanarySettings(CanarySchedule.DEFAULT, DEFAULT_RUNTIME, Optional.empty(), 60, 31, false);
    }

    /** What is wrong with a runtime version for the bundled script, if anything. */
    public static Optional<String> runtimeProblem(String runtimeVersion) {
        Matcher m = RUNTIME.matcher(runtimeVersion == null ? "" : runtimeVersion);
        if (!m.matches()) {
            return Optional.of("is not a Node.js/Puppeteer Synthetics runtime; expected syn-nodejs-puppeteer-<major>.<minor>, e.g. " + DEFAULT_RUNTIME);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 13 || (major == 13 && minor < 1)) {
            return Optional.of("is older than " + OLDEST_RUNTIME + ", the first runtime with the @aws/synthetics-puppeteer namespace"
                    + " the bundled script uses (and older runtimes are deprecated); expected " + OLDEST_RUNTIME + " or later, e.g. " + DEFAULT_RUNTIME);
        }
        return Optional.empty();
    }

    /** What is wrong with a run timeout, if anything: Synthetics allows 3 to 840 seconds, within the interval. */
    public static Optional<String> timeoutProblem(int timeoutSeconds, CanarySchedule schedule) {
        int limit = Math.min(MAX_TIMEOUT_SECONDS, schedule.minutes() * 60);
        if (timeoutSeconds < 15 || timeoutSeconds > limit) {
            return Optional.of("is out of range; expected 15 to " + limit + " seconds (at most 840, and no longer than the "
                    + schedule.minutes() + "-minute interval; under 15 leaves no room for a cold start)");
        }
        return Optional.empty();
    }
}
