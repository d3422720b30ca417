package io.quest.platform.observability;

import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.synthetics.Canary;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * What an on-call engineer needs on day one in an environment: an encrypted alert topic with its
 * subscriptions ({@link AlertTopic}), an alarm for each way the service fails, each saying what to do and
 * notifying on ALARM and OK ({@link ServiceAlarms}), a dashboard ({@link ServiceDashboard}), a synthetic health
 * check from outside ({@link HealthCanary}), saved Logs Insights queries ({@link SavedQueries}), and, when asked,
 * the service's logs streamed to another destination ({@link LogStreaming}). A failed deployment, which
 * ECS rolls back, alerts too ({@link DeploymentAlerts}).
 *
 * <p>Every alarm's dimensions come from the service's real attributes (the load balancer's and target
 * group's ARN suffixes, the cluster and service names), never from names guessed here. Every resource is a direct
 * child of this component, whichever class registers it.
 */
public final class Monitoring extends ComponentResource {

    public static final String TYPE = "quest:observability:Monitoring";

    private final Output<String> alertTopicArn;
    private final Output<String> canaryName;
    private final Output<String> dashboardName;

    public Monitoring(String name, MonitoringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String canary = Canaries.healthCanaryName(args.environment());
        String dashboard = DashboardBody.requireValidName("quest-" + args.environment());

        AlertTopic.Registered alerts = AlertTopic.register(this, name, args);
        Topic topic = alerts.topic();
        Output<List<String>> notify = topic.arn().applyValue(List::of);
        Canary healthCheck = HealthCanary.register(this, name, canary, args, alerts.keyArn());
        ServiceAlarms.register(this, name, args, healthCheck.name(), notify);
        DeploymentAlerts.register(this, name, args, topic);
        args.expiringCertificate().ifPresent(certificate -> CertificateExpiry.register(this, name, args, certificate, notify));
        args.certificateRenewal().ifPresent(job -> RenewalAlerts.register(this, name, args, job, topic, notify));
        if (args.dashboard()) {
            ServiceDashboard.register(this, name, dashboard, args, healthCheck.name());
        }
        SavedQueries.register(this, name, args);
        args.logStreaming().ifPresent(destination -> LogStreaming.register(this, name, destination, args));

        this.alertTopicArn = topic.arn();
        this.canaryName = healthCheck.name();
        this.dashboardName = Output.of(args.dashboard() ? dashboard : "");
        registerOutputs(Map.of("alertTopicArn", alertTopicArn, "canaryName", canaryName, "dashboardName", dashboardName));
    }

    /** The topic every alarm notifies: other alarms of the environment (the account baseline's) can use it too. */
    public Output<String> alertTopicArn() {
        return alertTopicArn;
    }

    public Output<String> canaryName() {
        return canaryName;
    }

    public Output<String> dashboardName() {
        return dashboardName;
    }
}
