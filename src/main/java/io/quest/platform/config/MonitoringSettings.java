package io.quest.platform.config;

import io.quest.platform.observability.AlarmKind;
import io.quest.platform.observability.AlarmSettings;
import io.quest.platform.observability.CanarySchedule;
import io.quest.platform.observability.CanarySettings;
import io.quest.platform.observability.LogDestination;
import io.quest.platform.observability.TreatMissingData;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates {@code quest-platform:monitoring}. The webhook URL is secret and never quoted in a message. */
final class MonitoringSettings {

    /** An address SNS can deliver to: one '@', a dotted domain, no spaces, at most 254 characters (RFC 5321). */
    static final Pattern EMAIL = Pattern.compile("(?=.{3,254}$)[^@\\s]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    /** An HTTPS URL with a host, as an SNS https subscription takes it. */
    static final Pattern HTTPS_URL = Pattern.compile("https://[A-Za-z0-9.-]+(:\\d{1,5})?(/\\S*)?");
    /** The planner's stand-in for a secret value, which cannot be checked. */
    private static final String SECRET_STAND_IN = "[secret]";

    private MonitoringSettings() {
    }

    static MonitoringConfig read(Settings ns, String accountId, boolean runsService) {
        if (!runsService && ns.has("monitoring")) {
            ns.problem("monitoring", "is set, but the environment runs no service to monitor; configure quest-platform:service or remove it");
        }
        Settings s = ns.object("monitoring");
        List<String> emails = new ArrayList<>();
        for (String email : s.strings("emails", List.of())) {
            if (EMAIL.matcher(email.trim()).matches()) {
                emails.add(email.trim());
            } else {
                s.reject("emails", email, "is not an email address; expected name@example.com");
            }
        }
        if (emails.stream().distinct().count() != emails.size()) {
            s.reject("emails", emails.toString(), "names an address twice");
        }
        Optional<String> webhook = s.optionalString("webhookUrl").filter(v -> !v.isBlank());
        if (webhook.isPresent() && s.inPlainText("webhookUrl")) {
            s.rejectPlainText("webhookUrl");
        } else if (webhook.isPresent() && !webhook.get().equals(SECRET_STAND_IN) && !HTTPS_URL.matcher(webhook.get().trim()).matches()) {
            s.problem("webhookUrl", "is not an HTTPS URL (value not shown: it is secret); expected https://host/path, set with"
                    + " pulumi config set --secret --path " + s.key("webhookUrl") + " <url>");
        }
        Map<AlarmKind, AlarmSettings> alarms = readAlarms(s.object("alarms"));
        CanarySettings canary = readCanary(s.object("canary"));
        AlarmSettings canaryAlarm = alarms.getOrDefault(AlarmKind.CANARY, AlarmKind.CANARY.defaults());
        if (canary != null && canaryAlarm.periodSeconds() < canary.schedule().minutes() * 60) {
            s.problem("alarms." + AlarmKind.CANARY.configKey() + ".periodSeconds", canaryAlarm.periodSeconds()
                    + " is shorter than the canary's interval of " + canary.schedule().minutes() * 60
                    + " seconds, so most periods would have no data; expected at least " + canary.schedule().minutes() * 60);
        }
        boolean dashboard = s.bool("dashboard", true);
        Optional<LogDestination> streaming = readStreaming(s.object("logStreaming"), accountId);
        boolean search = s.bool("logSearch", false);
        if (search && streaming.isPresent()) {
            // CloudWatch Logs quotas, "Subscription filters: 2 per log group" (hard limit; CloudWatch Logs User Guide,
            // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html, read 2026-12-02).
            s.reject("logSearch", "true", "together with logStreaming would put three subscription filters on the service's log"
                    + " group (the log archive's, the search's and the stream's), and CloudWatch Logs allows two; drop one of them");
            search = false;
        }
        s.rejectUnknown();
        return new MonitoringConfig(emails, webhook.map(String::trim), alarms,
                canary == null ? CanarySettings.defaults() : canary, dashboard, streaming, search);
    }

    private static Map<AlarmKind, AlarmSettings> readAlarms(Settings a) {
        Map<AlarmKind, AlarmSettings> alarms = new EnumMap<>(AlarmKind.class);
        for (AlarmKind kind : AlarmKind.values()) {
            if (!a.has(kind.configKey())) {
                continue;
            }
            Settings k = a.object(kind.configKey());
            AlarmSettings d = kind.defaults();
            double threshold = k.number("threshold", d.threshold(), kind.minThreshold(), kind.maxThreshold());
            int period = k.integer("periodSeconds", d.periodSeconds());
            int evaluations = k.integer("evaluationPeriods", d.evaluationPeriods());
            int datapoints = k.integer("datapointsToAlarm", Math.min(d.datapointsToAlarm(), evaluations));
            TreatMissingData missing = k.choice("treatMissingData", TreatMissingData.class, d.treatMissingData());
            boolean valid = true;
            Optional<String> periodProblem = AlarmSettings.periodProblem(period);
            if (periodProblem.isPresent()) {
                k.reject("periodSeconds", period, periodProblem.get());
                valid = false;
            } else {
                Optional<String> window = AlarmSettings.windowProblem(period, evaluations);
                if (window.isPresent()) {
                    k.reject("evaluationPeriods", evaluations, window.get());
                    valid = false;
                }
            }
            if (evaluations >= 1 && (datapoints < 1 || datapoints > evaluations)) {
                k.reject("datapointsToAlarm", datapoints, "is out of range; expected 1 to evaluationPeriods (" + evaluations + ")");
                valid = false;
            }
            k.rejectUnknown();
            if (valid) {
                alarms.put(kind, new AlarmSettings(threshold, period, evaluations, datapoints, missing));
            }
        }
        a.rejectUnknown();
        return alarms;
    }

    /** The canary's settings, or null when they are invalid (the problems are recorded). */
    private static CanarySettings readCanary(Settings c) {
        CanarySettings d = CanarySettings.defaults();
        String expression = c.string("schedule", d.schedule().expression());
        Optional<CanarySchedule> schedule = CanarySchedule.parse(expression);
        if (schedule.isEmpty()) {
            c.reject("schedule", expression, "is not a schedule for a recurring canary; expected rate(N minutes) with N from 1 to 60"
                    + " (rate(1 minute) for one), or rate(1 hour)");
        }
        String runtime = c.string("runtimeVersion", d.runtimeVersion());
        Optional<String> runtimeProblem = CanarySettings.runtimeProblem(runtime);
        runtimeProblem.ifPresent(p -> c.reject("runtimeVersion", runtime, p));
        Optional<String> path = c.optionalString("path");
        if (path.isPresent() && !path.get().matches("/[\\x21-\\x7e]{0,1023}")) {
            c.reject("path", path.get(), "is not a URL path; expected up to 1024 printable characters starting with /, e.g. /health");
        }
        int timeout = c.integer("timeoutSeconds", d.timeoutSeconds());
        Optional<String> timeoutProblem = CanarySettings.timeoutProblem(timeout, schedule.orElse(CanarySchedule.DEFAULT));
        timeoutProblem.ifPresent(p -> c.reject("timeoutSeconds", timeout, p));
        int retention = c.integer("retentionDays", d.retentionDays(), 1, CanarySettings.MAX_RETENTION_DAYS);
        boolean tracing = c.bool("activeTracing", d.activeTracing());
        c.rejectUnknown();
        if (schedule.isEmpty() || runtimeProblem.isPresent() || timeoutProblem.isPresent()
                || (path.isPresent() && !path.get().matches("/[\\x21-\\x7e]{0,1023}"))) {
            return null;
        }
        return new CanarySettings(schedule.get(), runtime, path, timeout, retention, tracing);
    }

    private static Optional<LogDestination> readStreaming(Settings l, String accountId) {
        Optional<String> arn = l.optionalString("destinationArn");
        l.rejectUnknown();
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        Optional<LogDestination> destination = LogDestination.parse(arn.get().trim());
        if (destination.isEmpty()) {
            String service = LogDestination.serviceOf(arn.get().trim()).orElse("");
            String hint = service.equals("es") || service.equals("aoss")
                    ? "an OpenSearch domain or collection is not a destination CloudWatch Logs streams to; stream to a Firehose"
                    + " stream whose destination is the domain"
                    : "is not a destination CloudWatch Logs streams to";
            l.reject("destinationArn", arn.get(), (service.equals("es") || service.equals("aoss") ? "is " + hint : hint)
                    + "; expected the ARN of a Firehose stream (arn:aws:firehose:<region>:<account>:deliverystream/<name>),"
                    + " a Kinesis data stream (arn:aws:kinesis:...:stream/<name>) or a CloudWatch Logs destination"
                    + " (arn:aws:logs:...:destination:<name>)");
            return Optional.empty();
        }
        if (destination.get().kind().needsRole() && !destination.get().accountId().equals(accountId)) {
            l.reject("destinationArn", arn.get(), "is in account " + destination.get().accountId() + "; CloudWatch Logs streams to a "
                    + "Firehose or Kinesis stream of the same account (" + accountId + ") only; use a CloudWatch Logs destination for another account");
            return Optional.empty();
        }
        return destination;
    }
}
