package io.quest.platform.observability;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.service.ServiceOutputs;

import java.util.List;
import java.util.Map;

/**
 * The service's alarms, one per {@link AlarmKind}: each on the service's real dimensions, saying what to do, and
 * notifying the alert topic on ALARM and on OK.
 */
final class ServiceAlarms {

    private ServiceAlarms() {
    }

    /** Registers every alarm under {@code parent}, in the order of {@link AlarmKind}. */
    static void register(Monitoring parent, String name, MonitoringArgs args, Output<String> canaryName, Output<List<String>> notify) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        ServiceOutputs s = args.service();
        Output<Map<String, String>> loadBalancer = s.albArnSuffix().applyValue(Dimensions::loadBalancer);
        Output<Map<String, String>> targetGroup = Output.tuple(s.targetGroupArnSuffix(), s.albArnSuffix())
                .applyValue(t -> Dimensions.targetGroup(t.t1, t.t2));
        Output<Map<String, String>> ecsService = Output.tuple(s.clusterName(), s.serviceName())
                .applyValue(t -> Dimensions.ecsService(t.t1, t.t2));
        Output<Map<String, String>> canary = canaryName.applyValue(Dimensions::canary);

        for (AlarmKind kind : AlarmKind.values()) {
            AlarmSettings settings = args.alarms().get(kind);
            MetricAlarmArgs.Builder alarm = base(name, kind, settings, notify, args);
            switch (kind) {
                case TARGET_5XX -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.TARGET_5XX, targetGroup, settings).statistic("Sum");
                case ELB_5XX -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.ELB_5XX, loadBalancer, settings).statistic("Sum");
                case LATENCY_P99 -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.TARGET_RESPONSE_TIME, targetGroup, settings)
                        .extendedStatistic("p99");
                case UNHEALTHY_HOSTS -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.UNHEALTHY_HOSTS, targetGroup, settings)
                        .statistic("Maximum");
                case CPU -> metric(alarm, ServiceMetrics.ECS, ServiceMetrics.CPU, ecsService, settings).statistic("Average");
                case MEMORY -> metric(alarm, ServiceMetrics.ECS, ServiceMetrics.MEMORY, ecsService, settings).statistic("Average");
                case CANARY -> metric(alarm, ServiceMetrics.SYNTHETICS, ServiceMetrics.CANARY_SUCCESS, canary, settings).statistic("Average");
                case TARGET_5XX_RATE -> alarm.metricQueries(
                        query("errors", ServiceMetrics.ALB, ServiceMetrics.TARGET_5XX, targetGroup, "Sum", settings),
                        query("requests", ServiceMetrics.ALB, ServiceMetrics.REQUEST_COUNT, targetGroup, "Sum", settings),
                        expression("rate", "100 * FILL(errors, 0) / requests", "5xx rate (%)"));
                case RUNNING_TASKS -> alarm.metricQueries(
                        query("running", ServiceMetrics.CONTAINER_INSIGHTS, ServiceMetrics.RUNNING_TASKS, ecsService, "Average", settings),
                        query("desired", ServiceMetrics.CONTAINER_INSIGHTS, ServiceMetrics.DESIRED_TASKS, ecsService, "Average", settings),
                        expression("missing", "desired - running", "tasks short of desired"));
            }
            new MetricAlarm(name + "-" + kind.nameSuffix(), alarm.build(), child);
        }
    }

    /** What every alarm has: name, description, threshold, evaluation, and the topic on ALARM and on OK. */
    private static MetricAlarmArgs.Builder base(String name, AlarmKind kind, AlarmSettings s, Output<List<String>> notify,
                                                MonitoringArgs args) {
        return MetricAlarmArgs.builder()
                .name(name + "-" + kind.nameSuffix())
                .alarmDescription(kind.title() + " in " + args.environment() + ". " + kind.runbook())
                .comparisonOperator(kind.comparisonOperator())
                .threshold(s.threshold())
                .evaluationPeriods(s.evaluationPeriods())
                .datapointsToAlarm(s.datapointsToAlarm())
                .treatMissingData(s.treatMissingData().configValue())
                .alarmActions(notify)
                .okActions(notify)
                .tags(args.tags().named(name + "-" + kind.nameSuffix()));
    }

    private static MetricAlarmArgs.Builder metric(MetricAlarmArgs.Builder alarm, String namespace, String metricName,
                                                  Output<Map<String, String>> dimensions, AlarmSettings s) {
        return alarm.namespace(namespace).metricName(metricName).dimensions(dimensions).period(s.periodSeconds());
    }

    private static MetricAlarmMetricQueryArgs query(String id, String namespace, String metricName, Output<Map<String, String>> dimensions,
                                                    String stat, AlarmSettings s) {
        return MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(namespace)
                        .metricName(metricName)
                        .dimensions(dimensions)
                        .stat(stat)
                        .period(s.periodSeconds())
                        .build())
                .build();
    }

    private static MetricAlarmMetricQueryArgs expression(String id, String expression, String label) {
        return MetricAlarmMetricQueryArgs.builder().id(id).expression(expression).label(label).returnData(true).build();
    }
}
