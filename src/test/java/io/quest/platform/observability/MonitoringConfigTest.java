package io.quest.platform.observability;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quest-platform:monitoring} as the dev stack file sets it: what it changes, and what it refuses, with its message. */
class MonitoringConfigTest {

    private static final String MARKER = "  # Alerts, alarms, dashboard and health canary";

    /** The repository's stack files with dev's monitoring block replaced by these lines (indented under the key). */
    static Map<String, String> withMonitoring(String... lines) {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        String dev = files.get("dev");
        int at = dev.indexOf(MARKER);
        if (at < 0) {
            throw new IllegalStateException("Pulumi.dev.yaml no longer ends with its monitoring block");
        }
        StringBuilder block = new StringBuilder("  quest-platform:monitoring:\n");
        for (String line : lines) {
            block.append("    ").append(line).append('\n');
        }
        files.put("dev", dev.substring(0, at) + block);
        return files;
    }

    private static String failure(String... lines) {
        return PlanFixture.failure(withMonitoring(lines), "dev");
    }

    @Test
    void a_period_cloudwatch_refuses_is_named_with_the_periods_it_accepts() {
        assertThat(failure("alarms:", "  cpu: {periodSeconds: 90}")).contains(
                "quest-platform:monitoring.alarms.cpu.periodSeconds: 90 is not a period CloudWatch accepts;"
                        + " expected 10, 20, 30 or a multiple of 60 seconds");
    }

    @Test
    void a_high_resolution_period_is_refused_because_the_metrics_are_published_once_a_minute() {
        assertThat(failure("alarms:", "  target5xx: {periodSeconds: 30}")).contains(
                "quest-platform:monitoring.alarms.target5xx.periodSeconds: 30 is a high-resolution period, but the load balancer,"
                        + " ECS and Synthetics metrics are published once a minute; expected a multiple of 60 seconds");
    }

    @Test
    void an_evaluation_window_over_a_day_is_refused_for_periods_under_an_hour() {
        assertThat(failure("alarms:", "  memory: {periodSeconds: 300, evaluationPeriods: 289}")).contains(
                "quest-platform:monitoring.alarms.memory.evaluationPeriods: 289 with a period of 300 seconds spans 86700 seconds;"
                        + " CloudWatch allows 86400 (one day) for periods under an hour");
        assertThat(failure("alarms:", "  memory: {periodSeconds: 3600, evaluationPeriods: 169}")).contains(
                "quest-platform:monitoring.alarms.memory.evaluationPeriods: 169 with a period of 3600 seconds spans 608400 seconds;"
                        + " CloudWatch allows 604800 (seven days)");
    }

    @Test
    void datapoints_threshold_and_missing_data_treatment_are_checked() {
        String message = failure("alarms:",
                "  latencyP99: {evaluationPeriods: 3, datapointsToAlarm: 4}",
                "  cpu: {threshold: 120}",
                "  elb5xx: {treatMissingData: zero}",
                "  unhealthyHost: {threshold: 2}");
        assertThat(message).contains(
                "quest-platform:monitoring.alarms.latencyP99.datapointsToAlarm: 4 is out of range; expected 1 to evaluationPeriods (3)",
                "quest-platform:monitoring.alarms.cpu.threshold: 120 is out of range; expected a number from 0 to 100",
                "quest-platform:monitoring.alarms.elb5xx.treatMissingData: \"zero\" is not one of breaching, notBreaching, ignore, missing",
                "quest-platform:monitoring.alarms.unhealthyHost: is not a setting Quest Platform knows; expected one of");
    }

    @Test
    void addresses_and_the_webhook_are_checked_without_showing_the_secret() {
        String message = failure("emails: [oncall@example.com, not-an-address]", "webhookUrl: http://hooks.example.com/T0KEN");
        assertThat(message).contains("quest-platform:monitoring.emails: \"not-an-address\" is not an email address; expected name@example.com");
        assertThat(message).contains("quest-platform:monitoring.webhookUrl: is in plain text in the stack file (value not shown); it must be secret");
        assertThat(message).doesNotContain("T0KEN");
    }

    @Test
    void the_canary_s_schedule_runtime_and_timeout_are_checked() {
        String message = failure("canary:", "  schedule: rate(2 hours)", "  runtimeVersion: syn-nodejs-puppeteer-9.1");
        assertThat(message).contains(
                "quest-platform:monitoring.canary.schedule: \"rate(2 hours)\" is not a schedule for a recurring canary; expected rate(N minutes)",
                "quest-platform:monitoring.canary.runtimeVersion: \"syn-nodejs-puppeteer-9.1\" is older than syn-nodejs-puppeteer-13.1");
        assertThat(failure("canary:", "  schedule: rate(1 minute)", "  timeoutSeconds: 90")).contains(
                "quest-platform:monitoring.canary.timeoutSeconds: 90 is out of range; expected 15 to 60 seconds");
        assertThat(failure("canary:", "  schedule: rate(10 minutes)")).contains(
                "quest-platform:monitoring.alarms.canarySuccess.periodSeconds: 300 is shorter than the canary's interval of 600 seconds");
    }

    @Test
    void log_streaming_takes_only_destinations_cloudwatch_logs_delivers_to() {
        assertThat(failure("logStreaming: {destinationArn: 'arn:aws:es:eu-west-1:222222222222:domain/logs'}")).contains(
                "quest-platform:monitoring.logStreaming.destinationArn: \"arn:aws:es:eu-west-1:222222222222:domain/logs\" is an OpenSearch"
                        + " domain or collection is not a destination CloudWatch Logs streams to");
        assertThat(failure("logStreaming: {destinationArn: 'arn:aws:firehose:eu-west-1:999999999999:deliverystream/logs'}")).contains(
                "is in account 999999999999; CloudWatch Logs streams to a Firehose or Kinesis stream of the same account (222222222222) only");
    }

    @Test
    void monitoring_without_a_service_is_refused() {
        Map<String, String> files = withMonitoring("emails: [oncall@example.com]");
        String dev = files.get("dev");
        int start = dev.indexOf("  # The Quest web app");
        int end = dev.indexOf("  quest-platform:monitoring:");
        files.put("dev", dev.substring(0, start) + dev.substring(end));
        assertThat(PlanFixture.failure(files, "dev")).contains(
                "quest-platform:monitoring: is set, but the environment runs no service to monitor");
    }

    @Test
    void an_alert_topic_nobody_is_subscribed_to_is_a_finding() {
        StackPlan dev = PlanFixture.plan(withMonitoring("dashboard: true"), "dev").stack("dev");
        assertThat(dev.ofType("aws:sns/topicSubscription:TopicSubscription")).isEmpty();
        assertThat(dev.findings()).filteredOn(f -> f.rule().equals("unrouted-alerts")).singleElement().satisfies(f -> {
            assertThat(f.urn()).isEqualTo(dev.named("dev-monitoring-alerts").urn());
            assertThat(f.message()).isEqualTo("alert topic dev-monitoring-alerts has no subscriptions, so its alarms notify nobody;"
                    + " set quest-platform:monitoring.emails or quest-platform:monitoring.webhookUrl");
        });
        assertThat(PlanFixture.repository().stack("dev").findings()).noneMatch(f -> f.rule().equals("unrouted-alerts"));
    }

    @Test
    void a_secret_webhook_is_subscribed_over_https_and_stays_secret_in_the_plan() {
        var plan = PlanFixture.plan(withMonitoring("webhookUrl: {secure: v1:c2VjcmV0LXdlYmhvb2s=}"), "dev");
        PlannedResource webhook = plan.stack("dev").named("dev-monitoring-alerts-webhook");
        assertThat(webhook.input("protocol")).isEqualTo("https");
        assertThat(webhook.input("endpoint")).isEqualTo("[secret]");
    }

    @Test
    void a_webhook_given_in_plain_text_is_refused_without_showing_it() {
        String message = PlanFixture.failure(withMonitoring("webhookUrl: https://hooks.example.com/services/T0KEN"), "dev");
        assertThat(message).contains("quest-platform:monitoring.webhookUrl: is in plain text in the stack file (value not shown); it must be secret:"
                + " remove it and set it with pulumi config set --secret --path quest-platform:monitoring.webhookUrl <value>");
        assertThat(message).doesNotContain("T0KEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void configured_thresholds_canary_and_streaming_reach_the_plan() {
        StackPlan dev = PlanFixture.plan(withMonitoring(
                "alarms:",
                "  cpu: {threshold: 70, periodSeconds: 60, evaluationPeriods: 10, datapointsToAlarm: 8, treatMissingData: breaching}",
                "canary: {schedule: rate(1 minute), path: /healthz, timeoutSeconds: 30, activeTracing: true}",
                "dashboard: false",
                "logStreaming: {destinationArn: 'arn:aws:firehose:eu-west-1:222222222222:deliverystream/service-logs'}"), "dev").stack("dev");
        assertThat(dev.named("dev-monitoring-cpu").inputs()).containsEntry("threshold", 70L).containsEntry("period", 60L)
                .containsEntry("evaluationPeriods", 10L).containsEntry("datapointsToAlarm", 8L).containsEntry("treatMissingData", "breaching");
        PlannedResource canary = dev.named("dev-monitoring-health");
        assertThat(canary.input("schedule", "expression")).isEqualTo("rate(1 minute)");
        assertThat(canary.input("runConfig", "environmentVariables", "TARGET_URL")).isEqualTo(dev.outputs().get("serviceUrl") + "/healthz");
        assertThat((String) dev.named("dev-monitoring-canary-role-policy").input("policy")).contains("xray:PutTraceSegments");
        assertThat(dev.ofType("aws:cloudwatch/dashboard:Dashboard")).isEmpty();
        // The one filter besides the log archive's (quest:logs:LogShipping).
        PlannedResource filter = dev.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter").stream()
                .filter(f -> !f.urn().contains("quest:logs:LogShipping$")).collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toList(), list -> { assertThat(list).hasSize(1); return list.get(0); }));
        assertThat(filter.inputs()).containsEntry("destinationArn", "arn:aws:firehose:eu-west-1:222222222222:deliverystream/service-logs")
                .containsEntry("logGroup", dev.outputs().get("logGroupName"))
                .containsEntry("roleArn", "arn:aws:iam::222222222222:role/" + dev.named("dev-monitoring-log-stream").id());
        assertThat((String) dev.ofType("aws:iam/rolePolicy:RolePolicy").stream().filter(p -> p.name().equals("dev-monitoring-log-stream"))
                .findFirst().orElseThrow().input("policy"))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"WriteToDestination\",\"Effect\":\"Allow\","
                        + "\"Action\":[\"firehose:PutRecord\",\"firehose:PutRecordBatch\"],"
                        + "\"Resource\":\"arn:aws:firehose:eu-west-1:222222222222:deliverystream/service-logs\"}]}");
        assertThat(dev.cost().items()).filteredOn(i -> i.item().startsWith("Synthetics canary runs"))
                .extracting(i -> i.monthlyUsd()).containsExactly(52.44); // (43,800 runs - 100 free) x $0.0012
        assertThat(List.of(dev.outputs().get("dashboardName"))).containsExactly("");
    }
}
