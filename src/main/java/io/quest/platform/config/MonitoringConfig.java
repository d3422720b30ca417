package io.quest.platform.config;

import io.quest.platform.observability.AlarmKind;
import io.quest.platform.observability.AlarmSettings;
import io.quest.platform.observability.CanarySettings;
import io.quest.platform.observability.LogDestination;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code quest-platform:monitoring}: alert routing, alarm thresholds, the canary, the dashboard and log
 * streaming of an environment that runs a service.
 *
 * @param emails       addresses subscribed to the alert topic (each confirms by email). Defaults to none
 * @param webhookUrl   an HTTPS endpoint subscribed to the alert topic, from secret config. Defaults to none
 * @param alarms       every alarm's settings; those not configured keep their defaults (see {@link AlarmKind})
 * @param canary       the health canary. Defaults to every 5 minutes on the service's health check path
 * @param dashboard    whether the environment gets a dashboard. Defaults to true
 * @param logStreaming where the service's logs are also streamed. Defaults to nowhere
 * @param logSearch    whether the stack's shipped logs are also indexed into the shared stack's log search
 *                     ({@code logArchive.search}). Defaults to false
 */
public record MonitoringConfig(
        List<String> emails,
        Optional<String> webhookUrl,
        Map<AlarmKind, AlarmSettings> alarms,
        CanarySettings canary,
        boolean dashboard,
        Optional<LogDestination> logStreaming,
        boolean logSearch) {

    public MonitoringConfig {
        emails = List.copyOf(emails);
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(logStreaming, "logStreaming");
        Map<AlarmKind, AlarmSettings> all = new EnumMap<>(AlarmKind.class);
        for (AlarmKind kind : AlarmKind.values()) {
            all.put(kind, alarms.getOrDefault(kind, kind.defaults()));
        }
        alarms = Collections.unmodifiableMap(all);
    }

    /** Never prints the webhook URL. */
    @Override
    public String toString() {
        return "MonitoringConfig[emails=" + emails + ", webhookUrl=" + (webhookUrl.isPresent() ? "[secret]" : "none") + ", alarms="
                + alarms + ", canary=" + canary + ", dashboard=" + dashboard + ", logStreaming=" + logStreaming + ", logSearch=" + logSearch + "]";
    }
}
