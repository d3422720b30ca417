package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.quest.platform.config.MonitoringConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.ServiceConfig;
import io.quest.platform.governance.SecurityMetric;
import io.quest.platform.observability.Monitoring;
import io.quest.platform.observability.MonitoringArgs;
import io.quest.platform.observability.WatchedService;

import java.util.List;

/** An environment's monitoring, watching the service layer through its output contract. */
final class MonitoringLayer {

    private MonitoringLayer() {
    }

    /**
     * Registers the monitoring of a service. {@code securityMetrics} are CloudTrail metrics whose alarms the
     * monitoring owns; empty when the account baseline alarms on them itself (notifying the same topic).
     */
    static MonitoringOutputs compose(PlatformConfig config, ServiceConfig service, ServiceOutputs outputs,
                                     List<SecurityMetric> securityMetrics, ComponentResourceOptions inAccount) {
        MonitoringConfig monitoring = config.monitoring();
        var component = new Monitoring(config.environment() + "-monitoring", new MonitoringArgs(
                config.environment(),
                config.production(),
                config.region(),
                config.accountId(),
                new WatchedService(
                        outputs.serviceUrl(),
                        outputs.albDnsName(),
                        outputs.albArnSuffix(),
                        outputs.targetGroupArnSuffix(),
                        outputs.clusterName(),
                        outputs.serviceName(),
                        outputs.logGroupName(),
                        outputs.imageDigest()),
                service.healthCheckPath(),
                monitoring.emails(),
                monitoring.webhookUrl().map(Output::ofSecret),
                monitoring.alarms(),
                monitoring.canary(),
                monitoring.dashboard(),
                monitoring.logStreaming(),
                securityMetrics,
                config.tags()), inAccount);
        return new MonitoringOutputs(component.alertTopicArn(), component.canaryName(), component.dashboardName());
    }
}
