package io.quest.platform.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.service.CertificateRenewal;

import java.util.List;
import java.util.Map;

/**
 * Alerts when a certificate's renewal job fails, two ways. An EventBridge rule sends the alert topic the ECS
 * {@code Task State Change} of every job task that stops with a non-zero exit code or fails to start (the event's
 * {@code group} is {@code family:<family>} for a task started outside a service, its {@code containers[].exitCode} and
 * {@code stopCode} say how it ended: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html,
 * read 2026-12-02), so a failed run reaches on-call within minutes. And an alarm on the metric the job publishes after
 * each successful check goes off when a whole day passes without one, which also catches what leaves no task event:
 * a schedule that cannot start the task, or no run at all. Until the job's first successful run (a new environment,
 * whose listener still serves the placeholder certificate) that alarm is in ALARM, which is the truth.
 */
final class RenewalAlerts {

    /** One day: the job checks twice a day, so a day without a successful check is two failed runs. */
    static final int PERIOD_SECONDS = 86_400;

    private RenewalAlerts() {
    }

    /** Registers the alarm, the rule and its target under {@code parent}; returns the alarm. */
    static MetricAlarm register(Monitoring parent, String name, MonitoringArgs args, MonitoringArgs.RenewalJob job, Topic topic,
                                Output<List<String>> notify) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var rule = new EventRule(name + "-renewal-failed", EventRuleArgs.builder()
                .description("A run of " + job.name() + ", which renews the " + args.environment() + " load balancer's certificate, failed")
                .eventPattern(job.clusterArn().applyValue(cluster -> pattern(cluster, job.taskFamily())))
                .tags(args.tags().named(name + "-renewal-failed"))
                .build(), child);
        new EventTarget(name + "-renewal-failed-alert", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(topic.arn())
                .build(), child);
        return new MetricAlarm(name + "-certificate-renewal", MetricAlarmArgs.builder()
                .alarmDescription("No successful check of the " + args.environment() + " load balancer's Let's Encrypt certificate in a day:"
                        + " read the " + job.name() + " task's logs (/quest/" + job.name() + "), fix it, and run the task again"
                        + " (docs/service.md, Let's Encrypt)")
                .namespace(CertificateRenewal.METRIC_NAMESPACE)
                .metricName(CertificateRenewal.METRIC_NAME)
                .dimensions(Map.of("Certificate", job.name()))
                .statistic("Sum")
                .period(PERIOD_SECONDS)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching")
                .alarmActions(notify)
                .okActions(notify)
                .tags(args.tags().named(name + "-certificate-renewal"))
                .build(), child);
    }

    /**
     * Every task of the job's family on this cluster that stopped with a non-zero exit code or never started. The two
     * ways are one {@code $or}, and {@code anything-but} takes a number; both work below the top level of a pattern on
     * an event bus ("Comparison operators for use in event patterns in Amazon EventBridge",
     * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html, read 2026-12-02). An
     * array field such as {@code containers} matches when any element matches, so one failed container is enough.
     */
    static String pattern(String clusterArn, String taskFamily) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode pattern = json.createObjectNode();
        pattern.putArray("source").add("aws.ecs");
        pattern.putArray("detail-type").add("ECS Task State Change");
        ObjectNode detail = pattern.putObject("detail");
        detail.putArray("clusterArn").add(clusterArn);
        detail.putArray("group").add("family:" + taskFamily);
        detail.putArray("lastStatus").add("STOPPED");
        var or = detail.putArray("$or");
        or.addObject().putObject("containers").putArray("exitCode").addObject().put("anything-but", 0);
        or.addObject().putArray("stopCode").add("TaskFailedToStart");
        return pattern.toString();
    }
}
