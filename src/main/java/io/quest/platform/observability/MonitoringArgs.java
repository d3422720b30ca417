package io.quest.platform.observability;

import com.pulumi.core.Output;
import io.quest.platform.service.ServiceOutputs;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Monitoring} watches and how. Build it with {@link #builder()}: every value is set by name.
 *
 * @param environment     the environment's name, in resource names and the dashboard. Required
 * @param region          the region the service runs in. Required
 * @param accountId       the account the monitoring lives in (key, topic and role policies are scoped to it). Required
 * @param service         the watched service's attributes. Required
 * @param healthCheckPath the path the canary requests (the service's health check path unless configured). Defaults to /
 * @param emails          addresses subscribed to the alert topic. Defaults to none
 * @param webhookUrl      an HTTPS endpoint subscribed to the alert topic, secret. Defaults to none
 * @param alarms          settings of every alarm (every {@link AlarmKind}, defaults where not configured)
 * @param canary          the canary's settings. Defaults to {@link CanarySettings#defaults()}
 * @param dashboard       whether the environment gets a dashboard. Defaults to true
 * @param logStreaming    where the service's logs are also streamed. Defaults to nowhere
 * @param expiringCertificate a certificate ACM does not renew, alarmed before it expires. Defaults to none
 * @param certificateRenewal  the job that renews a Let's Encrypt certificate, alarmed when it fails or stops checking. Defaults to none
 * @param protect         whether the alert key and the canary's artifacts bucket are protected from deletion. Defaults to false
 * @param retainOnDelete  whether they stay in AWS when removed from the program. Defaults to false
 * @param tags            the platform tag layer. Required
 */
public record MonitoringArgs(
        String environment,
        String region,
        String accountId,
        ServiceOutputs service,
        String healthCheckPath,
        List<String> emails,
        Optional<Output<String>> webhookUrl,
        Map<AlarmKind, AlarmSettings> alarms,
        CanarySettings canary,
        boolean dashboard,
        Optional<LogDestination> logStreaming,
        Optional<ExpiringCertificate> expiringCertificate,
        Optional<RenewalJob> certificateRenewal,
        boolean protect,
        boolean retainOnDelete,
        Tags tags) {

    /**
     * A certificate ACM does not renew (imported), and how many days before it expires its alarm goes off.
     *
     * @param arn       the certificate's ARN
     * @param alarmDays 1 to 365
     */
    public record ExpiringCertificate(Output<String> arn, int alarmDays) {
        public ExpiringCertificate {
            Objects.requireNonNull(arn, "arn");
            if (alarmDays < 1 || alarmDays > 365) {
                throw new IllegalArgumentException("a certificate expiry alarm goes off 1 to 365 days ahead, not " + alarmDays);
            }
        }
    }

    /**
     * A scheduled job that renews a certificate: its tasks' failures and a day without a successful check alarm.
     *
     * @param name       the job's name: the {@code Certificate} dimension of the metric it publishes after each successful check
     * @param clusterArn the cluster its tasks run on
     * @param taskFamily its task definition family (its tasks' group is {@code family:<taskFamily>})
     */
    public record RenewalJob(String name, Output<String> clusterArn, String taskFamily) {
        public RenewalJob {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(clusterArn, "clusterArn");
            Objects.requireNonNull(taskFamily, "taskFamily");
        }
    }

    public MonitoringArgs {
        Objects.requireNonNull(expiringCertificate, "expiringCertificate");
        Objects.requireNonNull(certificateRenewal, "certificateRenewal");
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
        Map<AlarmKind, AlarmSettings> all = new EnumMap<>(AlarmKind.class);
        for (AlarmKind kind : AlarmKind.values()) {
            all.put(kind, alarms.getOrDefault(kind, kind.defaults()));
        }
        alarms = Collections.unmodifiableMap(all);
        if (alarms.get(AlarmKind.CANARY).periodSeconds() < canary.schedule().minutes() * 60) {
            throw new IllegalArgumentException("the canary alarm's period is shorter than the canary's interval");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets each value by name; what is not set takes the default documented on {@link MonitoringArgs}. */
    public static final class Builder {
        private String environment;
        private String region;
        private String accountId;
        private ServiceOutputs service;
        private String healthCheckPath = "/";
        private List<String> emails = List.of();
        private Optional<Output<String>> webhookUrl = Optional.empty();
        private Map<AlarmKind, AlarmSettings> alarms = Map.of();
        private CanarySettings canary = CanarySettings.defaults();
        private boolean dashboard = true;
        private Optional<LogDestination> logStreaming = Optional.empty();
        private Optional<ExpiringCertificate> expiringCertificate = Optional.empty();
        private Optional<RenewalJob> certificateRenewal = Optional.empty();
        private boolean protect;
        private boolean retainOnDelete;
        private Tags tags;

        private Builder() {
        }

        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /** The account and region the monitoring lives in. */
        public Builder account(String accountId, String region) {
            this.accountId = accountId;
            this.region = region;
            return this;
        }

        /** The service to watch, and the path its health check (and so the canary) requests. */
        public Builder service(ServiceOutputs service, String healthCheckPath) {
            this.service = service;
            this.healthCheckPath = healthCheckPath;
            return this;
        }

        public Builder emails(List<String> emails) {
            this.emails = emails;
            return this;
        }

        /** An HTTPS endpoint subscribed to the alert topic; it is made secret. */
        public Builder webhookUrl(Optional<Output<String>> webhookUrl) {
            this.webhookUrl = webhookUrl.map(Output::asSecret);
            return this;
        }

        /** Settings of the alarms that do not take their defaults. */
        public Builder alarms(Map<AlarmKind, AlarmSettings> alarms) {
            this.alarms = alarms;
            return this;
        }

        public Builder canary(CanarySettings canary) {
            this.canary = canary;
            return this;
        }

        public Builder dashboard(boolean dashboard) {
            this.dashboard = dashboard;
            return this;
        }

        /** A certificate ACM does not renew, alarmed before it expires. Default: none. */
        public Builder expiringCertificate(Optional<ExpiringCertificate> expiringCertificate) {
            this.expiringCertificate = expiringCertificate;
            return this;
        }

        /** The job that renews a Let's Encrypt certificate. Default: none. */
        public Builder certificateRenewal(Optional<RenewalJob> certificateRenewal) {
            this.certificateRenewal = certificateRenewal;
            return this;
        }

        public Builder logStreaming(Optional<LogDestination> logStreaming) {
            this.logStreaming = logStreaming;
            return this;
        }

        /** Deletion protection of the alert key and the canary's artifacts bucket; the composing stack decides. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public Builder retainOnDelete(boolean retainOnDelete) {
            this.retainOnDelete = retainOnDelete;
            return this;
        }

        public Builder tags(Tags tags) {
            this.tags = tags;
            return this;
        }

        public MonitoringArgs build() {
            return new MonitoringArgs(environment, region, accountId, service, healthCheckPath, emails, webhookUrl, alarms,
                    canary, dashboard, logStreaming, expiringCertificate, certificateRenewal, protect, retainOnDelete, tags);
        }
    }
}
