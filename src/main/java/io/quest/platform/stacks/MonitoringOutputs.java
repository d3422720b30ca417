package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

/**
 * The monitoring layer's contract: where an environment's alerts go and what watches its service.
 *
 * @param alertTopicArn the SNS topic every alarm of the environment notifies
 * @param canaryName    the Synthetics canary that checks the service from outside
 * @param dashboardName the environment's CloudWatch dashboard; empty when it has none
 */
public record MonitoringOutputs(Output<String> alertTopicArn, Output<String> canaryName, Output<String> dashboardName) {

    static final String ALERT_TOPIC_ARN = "alertTopicArn";
    static final String CANARY_NAME = "canaryName";
    static final String DASHBOARD_NAME = "dashboardName";

    public void export(Context ctx) {
        ctx.export(ALERT_TOPIC_ARN, alertTopicArn);
        ctx.export(CANARY_NAME, canaryName);
        ctx.export(DASHBOARD_NAME, dashboardName);
    }

    public static MonitoringOutputs from(StackReference ref) {
        return new MonitoringOutputs(
                StackOutputs.string(ref, ALERT_TOPIC_ARN),
                StackOutputs.string(ref, CANARY_NAME),
                StackOutputs.string(ref, DASHBOARD_NAME));
    }
}
