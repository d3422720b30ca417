package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.quest.platform.config.MonitoringConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.ServiceConfig;
import io.quest.platform.observability.Monitoring;
import io.quest.platform.observability.MonitoringArgs;

/**
 * An environment's monitoring, watching the service layer through its outputs. The CloudTrail security alarms are
 * not here: the account baseline's trail owns them and notifies this monitoring's alert topic.
 */
final class MonitoringLayer {

    private MonitoringLayer() {
    }

    /** Registers the monitoring of a service. */
    static MonitoringOutputs compose(PlatformConfig config, ServiceConfig service, ServiceLayer.Composed composed, ComponentResourceOptions inAccount) {
        MonitoringConfig monitoring = config.monitoring();
        Lifecycle lifecycle = Lifecycle.environment(config);
        var component = new Monitoring(config.environment() + "-monitoring", MonitoringArgs.builder()
                .environment(config.environment())
                .account(config.accountId(), config.region())
                .service(composed.outputs(), service.healthCheckPath())
                .expiringCertificate(composed.expiringCertificate())
                .certificateRenewal(composed.certificateRenewal())
                .emails(monitoring.emails())
                .webhookUrl(monitoring.webhookUrl().map(Output::ofSecret))
                .alarms(monitoring.alarms())
                .canary(monitoring.canary())
                .dashboard(monitoring.dashboard())
                .logStreaming(monitoring.logStreaming())
                .protect(lifecycle.protect())
                .retainOnDelete(lifecycle.retainOnDelete())
                .tags(config.tags())
                .build(), inAccount);
        return new MonitoringOutputs(component.alertTopicArn(), component.canaryName(), component.dashboardName());
    }
}
