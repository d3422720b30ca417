package io.quest.platform.observability;

import com.pulumi.core.Output;
import io.quest.platform.governance.SecurityMetric;
import io.quest.platform.tags.Tags;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Monitoring} watches and how.
 *
 * @param environment     the environment's name, in resource names and the dashboard
 * @param production      whether production rules apply: the alert key is protected
 * @param region          the region the service runs in
 * @param accountId       the account the monitoring lives in (key, topic and role policies are scoped to it)
 * @param service         the watched service's attributes
 * @param healthCheckPath the path the canary requests (the service's health check path unless configured)
 * @param emails          addresses subscribed to the alert topic. Defaults to none
 * @param webhookUrl      an HTTPS endpoint subscribed to the alert topic, secret. Defaults to none
 * @param alarms          settings of every alarm (every {@link AlarmKind}, defaults where not configured)
 * @param canary          the canary's settings
 * @param dashboard       whether the environment gets a dashboard. Defaults to true
 * @param logStreaming    where the service's logs are also streamed. Defaults to nowhere
 * @param securityMetrics CloudTrail metrics (CIS metric filters) that alarm on the alert topic. Defaults to none
 * @param tags            the platform tag layer
 */
public record MonitoringArgs(
        String environment,
        boolean production,
        String region,
        String accountId,
        WatchedService service,
        String healthCheckPath,
        List<String> emails,
        Optional<Output<String>> webhookUrl,
        Map<AlarmKind, AlarmSettings> alarms,
        CanarySettings canary,
        boolean dashboard,
        Optional<LogDestination> logStreaming,
        List<SecurityMetric> securityMetrics,
        Tags tags) {

    public MonitoringArgs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(logStreaming, "logStreaming");
        Objects.requireNonNull(tags, "tags");
        if (healthCheckPath == null || !healthCheckPath.startsWith("/")) {
            throw new IllegalArgumentException("the health check path starts with /, not " + healthCheckPath);
        }
        emails = List.copyOf(emails);
        securityMetrics = List.copyOf(securityMetrics);
        Map<AlarmKind, AlarmSettings> all = new EnumMap<>(AlarmKind.class);
        for (AlarmKind kind : AlarmKind.values()) {
            all.put(kind, alarms.getOrDefault(kind, kind.defaults()));
        }
        alarms = java.util.Collections.unmodifiableMap(all);
        if (alarms.get(AlarmKind.CANARY).periodSeconds() < canary.schedule().minutes() * 60) {
            throw new IllegalArgumentException("the canary alarm's period is shorter than the canary's interval");
        }
    }

    /** Monitoring with every default: no subscriptions, default alarms and canary, a dashboard, no streaming. */
    public static MonitoringArgs defaults(String environment, boolean production, String region, String accountId,
                                          WatchedService service, String healthCheckPath, Tags tags) {
        return new MonitoringArgs(environment, production, region, accountId, service, healthCheckPath, List.of(), Optional.empty(),
                Map.of(), CanarySettings.defaults(), true, Optional.empty(), List.of(), tags);
    }
}
