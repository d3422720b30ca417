package io.quest.platform.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.governance.CisMetricFilter;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring of the repository's own dev and prod stacks, wired to the service they watch. */
@SuppressWarnings("unchecked")
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan dev;
    private static StackPlan prod;
    private static String lb;
    private static String tg;

    @BeforeAll
    static void plan() {
        var plan = PlanFixture.repository();
        dev = plan.stack("dev");
        prod = plan.stack("prod");
        lb = (String) dev.outputs().get("albArnSuffix");
        tg = (String) dev.outputs().get("targetGroupArnSuffix");
    }

    @Test
    void the_dimensions_are_the_arn_suffixes_of_the_planned_load_balancer_and_target_group() {
        PlannedResource alb = dev.ofType("aws:lb/loadBalancer:LoadBalancer").get(0);
        PlannedResource group = dev.ofType("aws:lb/targetGroup:TargetGroup").get(0);
        assertThat(lb).matches("app/" + alb.id() + "/[0-9a-f]{16}");
        assertThat(tg).matches("targetgroup/" + group.id() + "/[0-9a-f]{16}");
    }

    @Test
    void every_alarm_notifies_the_alert_topic_on_alarm_and_on_ok_and_says_what_to_do() {
        String topicArn = (String) dev.outputs().get("alertTopicArn");
        assertThat(topicArn).isEqualTo("arn:aws:sns:eu-west-1:222222222222:" + dev.named("dev-monitoring-alerts").id());
        List<PlannedResource> alarms = monitoringAlarms(dev);
        assertThat(alarms).hasSize(9);
        assertThat(alarms).allSatisfy(a -> {
            assertThat(a.input("alarmActions")).isEqualTo(List.of(topicArn));
            assertThat(a.input("okActions")).isEqualTo(List.of(topicArn));
            assertThat((String) a.input("alarmDescription")).startsWith(kind(a).title() + " in dev. ").endsWith(kind(a).runbook());
            assertThat(a.input("name")).isEqualTo(a.name());
        });
    }

    @Test
    void single_metric_alarms_watch_their_metric_with_the_service_s_real_dimensions() {
        Map<String, String> targetGroup = Map.of("LoadBalancer", lb, "TargetGroup", tg);
        Map<String, String> ecs = Map.of("ClusterName", (String) dev.outputs().get("clusterName"),
                "ServiceName", (String) dev.outputs().get("serviceName"));
        assertMetric("dev-monitoring-target-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", targetGroup, "Sum", 10, 60);
        assertMetric("dev-monitoring-elb-5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", Map.of("LoadBalancer", lb), "Sum", 10, 60);
        assertMetric("dev-monitoring-unhealthy-hosts", "AWS/ApplicationELB", "UnHealthyHostCount", targetGroup, "Maximum", 1, 60);
        assertMetric("dev-monitoring-cpu", "AWS/ECS", "CPUUtilization", ecs, "Average", 80, 300);
        assertMetric("dev-monitoring-memory", "AWS/ECS", "MemoryUtilization", ecs, "Average", 80, 300);
        assertMetric("dev-monitoring-canary-success", "CloudWatchSynthetics", "SuccessPercent",
                Map.of("CanaryName", (String) dev.named("dev-monitoring-health").input("name")), "Average", 90, 300);
        PlannedResource latency = dev.named("dev-monitoring-latency-p99");
        assertThat(latency.input("metricName")).isEqualTo("TargetResponseTime");
        assertThat(latency.input("dimensions")).isEqualTo(targetGroup);
        assertThat(latency.input("extendedStatistic")).isEqualTo("p99");
        assertThat(latency.input("statistic")).isNull();
        assertThat(number(latency, "threshold")).isEqualTo(2.0);
        assertThat(dev.named("dev-monitoring-canary-success").input("comparisonOperator")).isEqualTo("LessThanThreshold");
        assertThat(dev.named("dev-monitoring-canary-success").input("treatMissingData")).isEqualTo("breaching");
    }

    @Test
    void the_5xx_rate_divides_target_errors_by_requests_of_the_same_target_group() {
        PlannedResource rate = dev.named("dev-monitoring-target-5xx-rate");
        List<Map<String, Object>> queries = (List<Map<String, Object>>) rate.input("metricQueries");
        assertThat(queries).hasSize(3);
        assertThat(queries.get(0)).containsEntry("id", "errors").containsEntry("returnData", false);
        assertThat((Map<String, Object>) queries.get(0).get("metric")).containsEntry("metricName", "HTTPCode_Target_5XX_Count")
                .containsEntry("namespace", "AWS/ApplicationELB").containsEntry("stat", "Sum")
                .containsEntry("dimensions", Map.of("LoadBalancer", lb, "TargetGroup", tg));
        assertThat((Map<String, Object>) queries.get(1).get("metric")).containsEntry("metricName", "RequestCount")
                .containsEntry("dimensions", Map.of("LoadBalancer", lb, "TargetGroup", tg));
        assertThat(queries.get(2)).containsEntry("expression", "100 * FILL(errors, 0) / requests").containsEntry("returnData", true);
        assertThat(rate.input("metricName")).isNull();
        assertThat(number(rate, "threshold")).isEqualTo(5.0);
    }

    @Test
    void running_tasks_alarm_on_container_insights_desired_minus_running() {
        PlannedResource tasks = dev.named("dev-monitoring-running-tasks");
        List<Map<String, Object>> queries = (List<Map<String, Object>>) tasks.input("metricQueries");
        Map<String, String> ecs = Map.of("ClusterName", (String) dev.outputs().get("clusterName"),
                "ServiceName", (String) dev.outputs().get("serviceName"));
        assertThat(queries).extracting(q -> q.get("id")).containsExactly("running", "desired", "missing");
        assertThat((Map<String, Object>) queries.get(0).get("metric")).containsEntry("namespace", "ECS/ContainerInsights")
                .containsEntry("metricName", "RunningTaskCount").containsEntry("dimensions", ecs);
        assertThat((Map<String, Object>) queries.get(1).get("metric")).containsEntry("metricName", "DesiredTaskCount")
                .containsEntry("dimensions", ecs);
        assertThat(queries.get(2)).containsEntry("expression", "desired - running");
        assertThat(tasks.input("comparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(number(tasks, "threshold")).isEqualTo(1.0);
    }

    @Test
    void the_alert_topic_is_encrypted_with_a_rotating_key_cloudwatch_of_this_account_may_use() throws IOException {
        PlannedResource key = dev.named("dev-monitoring-alerts-key");
        PlannedResource topic = dev.named("dev-monitoring-alerts");
        assertThat(topic.input("kmsMasterKeyId")).isEqualTo("arn:aws:kms:eu-west-1:222222222222:key/" + key.id());
        assertThat(key.input("enableKeyRotation")).isEqualTo(true);
        JsonNode cloudwatch = statement((String) key.input("policy"), "CloudWatchEncryptsAlarmNotifications");
        assertThat(cloudwatch.path("Principal").path("Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(cloudwatch.path("Action").toString()).isEqualTo("[\"kms:GenerateDataKey*\",\"kms:Decrypt\"]");
        assertThat(cloudwatch.path("Condition").path("StringEquals").path("aws:SourceAccount").asText()).isEqualTo("222222222222");
        assertThat(key.protect()).isFalse();
        assertThat(prod.named("prod-monitoring-alerts-key").protect()).isTrue();
    }

    @Test
    void only_cloudwatch_and_eventbridge_rules_of_this_account_publish_to_the_topic_besides_the_account() throws IOException {
        PlannedResource policy = dev.named("dev-monitoring-alerts-policy");
        String topicArn = (String) dev.outputs().get("alertTopicArn");
        assertThat(policy.input("arn")).isEqualTo(topicArn);
        JsonNode publish = statement((String) policy.input("policy"), "CloudWatchPublishesAlarms");
        assertThat(publish.path("Principal").path("Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(publish.path("Action").asText()).isEqualTo("sns:Publish");
        assertThat(publish.path("Resource").asText()).isEqualTo(topicArn);
        assertThat(publish.path("Condition").path("StringEquals").path("aws:SourceAccount").asText()).isEqualTo("222222222222");
        assertThat(statement((String) policy.input("policy"), "DenyInsecureTransport").path("Effect").asText()).isEqualTo("Deny");
    }

    @Test
    void a_failed_deployment_of_this_service_alone_alerts_the_topic_through_eventbridge() throws IOException {
        PlannedResource rule = dev.named("dev-monitoring-deploy-failed");
        PlannedResource target = dev.named("dev-monitoring-deploy-failed-alert");
        PlannedResource service = dev.ofType("aws:ecs/service:Service").get(0);
        String topicArn = (String) dev.outputs().get("alertTopicArn");

        JsonNode pattern = JSON.readTree((String) rule.input("eventPattern"));
        assertThat(pattern.path("source").toString()).isEqualTo("[\"aws.ecs\"]");
        assertThat(pattern.path("detail-type").toString()).isEqualTo("[\"ECS Deployment State Change\"]");
        assertThat(pattern.path("detail").path("eventName").toString()).isEqualTo("[\"SERVICE_DEPLOYMENT_FAILED\"]");
        String suffix = pattern.path("resources").get(0).path("suffix").asText();
        assertThat(suffix).isEqualTo(":service/" + dev.outputs().get("clusterName") + "/" + service.id());
        assertThat("arn:aws:ecs:eu-west-1:222222222222:service/" + dev.outputs().get("clusterName") + "/" + service.id())
                .as("the ARN ECS puts in the event's resources").endsWith(suffix);
        assertThat(target.input("rule")).isEqualTo(rule.id());
        assertThat(target.input("arn")).isEqualTo(topicArn);

        JsonNode publish = statement((String) dev.named("dev-monitoring-alerts-policy").input("policy"), "EventBridgeRulesPublishEvents");
        assertThat(publish.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
        assertThat(publish.path("Condition").path("ArnLike").path("aws:SourceArn").asText())
                .isEqualTo("arn:aws:events:eu-west-1:222222222222:rule/*");
        JsonNode encrypt = statement((String) dev.named("dev-monitoring-alerts-key").input("policy"), "EventBridgeEncryptsEventNotifications");
        assertThat(encrypt.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
        assertThat(encrypt.path("Action").toString()).isEqualTo("[\"kms:GenerateDataKey*\",\"kms:Decrypt\"]");
    }

    @Test
    void the_stack_file_s_address_is_subscribed_by_email_and_no_webhook_is_planned_without_one() {
        List<PlannedResource> subscriptions = dev.ofType("aws:sns/topicSubscription:TopicSubscription");
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).inputs()).containsEntry("protocol", "email")
                .containsEntry("endpoint", "platform-oncall@example.com")
                .containsEntry("topic", dev.outputs().get("alertTopicArn"));
    }

    @Test
    void the_canary_checks_the_service_url_s_health_path_every_five_minutes_with_a_supported_runtime() {
        PlannedResource canary = dev.named("dev-monitoring-health");
        assertThat(canary.input("name")).isEqualTo("dev-health").isEqualTo(dev.outputs().get("canaryName"));
        assertThat(canary.input("schedule", "expression")).isEqualTo("rate(5 minutes)");
        assertThat(canary.input("runtimeVersion")).isEqualTo(CanarySettings.DEFAULT_RUNTIME);
        assertThat(canary.input("handler")).isEqualTo("heartbeat.handler");
        assertThat(canary.input("runConfig", "environmentVariables", "TARGET_URL")).isEqualTo(dev.outputs().get("serviceUrl") + "/");
        assertThat(canary.input("runConfig", "timeoutInSeconds")).isEqualTo(60L);
        assertThat(canary.input("runConfig", "activeTracing")).isEqualTo(false);
        assertThat(canary.input("executionRoleArn")).isEqualTo("arn:aws:iam::222222222222:role/" + dev.named("dev-monitoring-canary-role").id());
        assertThat(canary.input("startCanary")).isEqualTo(true);
    }

    @Test
    void the_canary_runs_the_jar_s_script_zipped_where_synthetics_loads_node_canaries() throws IOException {
        PlannedResource canary = dev.named("dev-monitoring-health");
        PlannedResource script = dev.named("dev-monitoring-canary-script");
        PlannedResource bucket = dev.named("dev-monitoring-canary-artifacts");
        assertThat(canary.input("s3Bucket")).isEqualTo(bucket.id()).isEqualTo(script.input("bucket"));
        assertThat(canary.input("s3Key")).isEqualTo(script.input("key"));
        byte[] zip = Base64.getDecoder().decode((String) script.input("contentBase64"));
        assertThat(script.input("key")).isEqualTo(Canaries.scriptKey(zip));
        List<String> entries = new ArrayList<>();
        String content = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertThat(entries).containsExactly("nodejs/node_modules/heartbeat.js");
        assertThat(content).contains("exports.handler").contains("process.env.TARGET_URL").contains("require('@aws/synthetics-puppeteer')");
        assertThat(canary.dependencies()).contains(script.urn());
    }

    @Test
    void canary_artifacts_are_encrypted_with_a_customer_managed_key_the_canary_may_use_private_tls_only_and_expire() throws IOException {
        PlannedResource canary = dev.named("dev-monitoring-health");
        String bucket = (String) canary.input("s3Bucket");
        assertThat(canary.input("artifactS3Location")).isEqualTo("s3://" + bucket + "/artifacts/");
        // Synthetics encrypts the artifacts with the customer managed key, and the bucket's default is the same key.
        // The monitoring's key, the one the alert topic is encrypted with.
        PlannedResource key = dev.named("dev-monitoring-alerts-key");
        String keyArn = (String) canary.input("artifactConfig", "s3Encryption", "kmsKeyArn");
        assertThat(keyArn).startsWith("arn:aws:kms:eu-west-1:222222222222:key/").isEqualTo(dev.named("dev-monitoring-alerts").input("kmsMasterKeyId"));
        assertThat(canary.input("artifactConfig", "s3Encryption", "encryptionMode")).isEqualTo("SSE_KMS");
        assertThat(dev.named("dev-monitoring-canary-sse").dependencies()).contains(key.urn());
        Map<String, Object> sse = ((List<Map<String, Object>>) dev.named("dev-monitoring-canary-sse").input("rules")).get(0);
        assertThat((Map<String, Object>) sse.get("applyServerSideEncryptionByDefault")).containsEntry("sseAlgorithm", "aws:kms")
                .containsEntry("kmsMasterKeyId", keyArn);
        assertThat(key.input("enableKeyRotation")).isEqualTo(true);
        // The canary's role may encrypt with that key, only through S3 in its region.
        JsonNode encrypt = statement((String) dev.named("dev-monitoring-canary-role-policy").input("policy"), "EncryptArtifacts");
        assertThat(encrypt.path("Action").toString()).contains("kms:GenerateDataKey");
        assertThat(encrypt.path("Resource").asText()).isEqualTo(keyArn);
        assertThat(encrypt.path("Condition").path("StringEquals").path("kms:ViaService").asText()).isEqualTo("s3.eu-west-1.amazonaws.com");
        assertThat(dev.named("dev-monitoring-canary-public-access").inputs()).containsEntry("bucket", bucket)
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        Map<String, Object> rule = ((List<Map<String, Object>>) dev.named("dev-monitoring-canary-expiry").input("rules")).get(0);
        assertThat(rule).containsEntry("status", "Enabled");
        assertThat((Map<String, Object>) rule.get("filter")).containsEntry("prefix", "artifacts/");
        assertThat((Map<String, Object>) rule.get("expiration")).containsEntry("days", 31L);
        assertThat(canary.input("successRetentionPeriod")).isEqualTo(31L);
        JsonNode deny = statement((String) dev.named("dev-monitoring-canary-policy").input("policy"), "DenyInsecureTransport");
        assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void the_canary_role_writes_only_its_artifacts_logs_and_synthetics_metrics() throws IOException {
        String bucket = (String) dev.named("dev-monitoring-health").input("s3Bucket");
        String policy = (String) dev.named("dev-monitoring-canary-role-policy").input("policy");
        JsonNode doc = JSON.readTree(policy);
        assertThat(doc.path("Statement")).hasSize(6);
        assertThat(statement(policy, "WriteArtifacts").path("Resource").asText()).isEqualTo("arn:aws:s3:::" + bucket + "/artifacts/*");
        assertThat(statement(policy, "PublishCanaryMetrics").path("Condition").path("StringEquals").path("cloudwatch:namespace").asText())
                .isEqualTo("CloudWatchSynthetics");
        assertThat(statement(policy, "WriteCanaryLogs").path("Resource").asText())
                .isEqualTo("arn:aws:logs:eu-west-1:222222222222:log-group:/aws/lambda/cwsyn-dev-health-*");
        assertThat(policy).doesNotContain("xray:");
    }

    @Test
    void the_dashboard_body_is_json_with_the_service_s_metrics_and_a_recent_errors_query() throws IOException {
        PlannedResource dashboard = dev.named("dev-monitoring-dashboard");
        assertThat(dashboard.input("dashboardName")).isEqualTo("quest-dev").isEqualTo(dev.outputs().get("dashboardName"));
        JsonNode body = JSON.readTree((String) dashboard.input("dashboardBody"));
        JsonNode widgets = body.path("widgets");
        assertThat(widgets).hasSize(10);
        List<String> types = new ArrayList<>();
        widgets.forEach(w -> types.add(w.path("type").asText()));
        assertThat(types).containsExactly("text", "metric", "metric", "metric", "metric", "metric", "metric", "metric", "metric", "log");
        List<String> metrics = new ArrayList<>();
        widgets.forEach(w -> w.path("properties").path("metrics").forEach(line -> metrics.add(line.toString())));
        assertThat(metrics).contains(
                "[\"AWS/ApplicationELB\",\"RequestCount\",\"TargetGroup\",\"" + tg + "\",\"LoadBalancer\",\"" + lb + "\",{\"stat\":\"Sum\",\"label\":\"requests\"}]",
                "[\"AWS/ApplicationELB\",\"TargetResponseTime\",\"TargetGroup\",\"" + tg + "\",\"LoadBalancer\",\"" + lb + "\",{\"stat\":\"p90\",\"label\":\"p90\"}]",
                "[\"AWS/ApplicationELB\",\"HTTPCode_ELB_5XX_Count\",\"LoadBalancer\",\"" + lb + "\",{\"stat\":\"Sum\",\"label\":\"load balancer 5xx\"}]",
                "[\"CloudWatchSynthetics\",\"SuccessPercent\",\"CanaryName\",\"dev-health\",{\"stat\":\"Average\",\"label\":\"success\"}]");
        assertThat(String.join("\n", metrics)).contains("p50").contains("p99").contains("HealthyHostCount").contains("CPUUtilization")
                .contains("MemoryUtilization").contains("RunningTaskCount").contains("DesiredTaskCount");
        JsonNode log = widgets.get(9).path("properties");
        assertThat(log.path("query").asText()).startsWith("SOURCE '" + dev.outputs().get("logGroupName") + "' | fields @timestamp");
        assertThat(log.path("region").asText()).isEqualTo("eu-west-1");
        widgets.forEach(w -> assertThat(w.path("x").asInt() + w.path("width").asInt()).isLessThanOrEqualTo(24));
    }

    @Test
    void the_saved_queries_read_the_service_s_log_group() {
        List<PlannedResource> queries = dev.ofType("aws:cloudwatch/queryDefinition:QueryDefinition");
        assertThat(queries).hasSize(3);
        assertThat(queries).extracting(q -> q.input("name"))
                .containsExactlyInAnyOrder("quest/dev/Recent errors", "quest/dev/Slowest requests", "quest/dev/5xx by path");
        assertThat(queries).allSatisfy(q -> assertThat(q.input("logGroupNames")).isEqualTo(List.of(dev.outputs().get("logGroupName"))));
        assertThat(dev.named("dev-monitoring-5xx-by-path").input("queryString")).isEqualTo(LogQuery.ERRORS_BY_PATH.query());
    }

    @Test
    void logs_are_not_streamed_anywhere_but_the_log_archive_unless_configured() {
        for (var stack : List.of(dev, prod)) {
            assertThat(stack.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter"))
                    .isNotEmpty().allSatisfy(f -> assertThat(f.urn()).contains("quest:logs:LogShipping$"));
        }
    }

    @Test
    void the_trail_s_security_alarms_notify_the_same_topic() {
        List<PlannedResource> trailAlarms = dev.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> a.name().startsWith("dev-trail-")).toList();
        // the CIS v3.0.0 alarms and the break-glass alarm
        assertThat(trailAlarms).hasSize(CisMetricFilter.values().length + 1).allSatisfy(a ->
                assertThat(a.input("alarmActions")).isEqualTo(List.of(dev.outputs().get("alertTopicArn"))));
    }

    @Test
    void every_monitoring_resource_goes_through_the_stack_s_provider_and_is_parented_to_the_component() {
        String component = dev.ofType(Monitoring.TYPE).get(0).urn();
        // Its resources, and those of the building blocks under it (the canary's artifacts bucket and its access-log bucket).
        List<PlannedResource> children = dev.resources().stream()
                .filter(r -> r.custom() && r.urn().startsWith(component.replace("::dev-monitoring", "$"))).toList();
        assertThat(children).hasSize(37);
        assertThat(children).allSatisfy(r -> assertThat(r.provider()).contains("pulumi:providers:aws::dev-aws"));
        assertThat(dev.resources()).filteredOn(r -> component.equals(r.parent())).filteredOn(PlannedResource::isComponent)
                .extracting(PlannedResource::name).containsExactlyInAnyOrder("dev-monitoring-canary-artifacts",
                        "dev-monitoring-canary-access-logs");
    }

    @Test
    void the_monthly_estimate_counts_alarm_metrics_the_dashboard_and_canary_runs() {
        var items = dev.cost().items();
        // 8,760 runs at rate(5 minutes), the first 100 of the account's month free: 8,660 x $0.0012.
        assertThat(items).filteredOn(i -> i.item().startsWith("Synthetics canary runs")).singleElement()
                .satisfies(i -> assertThat(i.monthlyUsd()).isEqualTo(10.39));
        assertThat(items).filteredOn(i -> i.urn().endsWith("dev-monitoring-target-5xx-rate")).singleElement()
                .satisfies(i -> assertThat(i.quantity()).isEqualTo(2.0));
        assertThat(items).filteredOn(i -> i.item().equals("CloudWatch dashboard")).hasSize(1);
    }

    private static void assertMetric(String alarm, String namespace, String metric, Map<String, String> dimensions, String statistic,
                                     double threshold, long period) {
        PlannedResource a = dev.named(alarm);
        assertThat(a.input("namespace")).as(alarm).isEqualTo(namespace);
        assertThat(a.input("metricName")).as(alarm).isEqualTo(metric);
        assertThat(a.input("dimensions")).as(alarm).isEqualTo(dimensions);
        assertThat(a.input("statistic")).as(alarm).isEqualTo(statistic);
        assertThat(number(a, "threshold")).as(alarm).isEqualTo(threshold);
        assertThat(a.input("period")).as(alarm).isEqualTo(period);
    }

    private static AlarmKind kind(PlannedResource alarm) {
        for (AlarmKind k : AlarmKind.values()) {
            if (alarm.name().equals("dev-monitoring-" + k.nameSuffix())) {
                return k;
            }
        }
        throw new AssertionError("no alarm kind named " + alarm.name());
    }

    private static double number(PlannedResource r, String input) {
        return ((Number) r.input(input)).doubleValue();
    }

    private static JsonNode statement(String policy, String sid) throws IOException {
        for (JsonNode s : JSON.readTree(policy).path("Statement")) {
            if (sid.equals(s.path("Sid").asText())) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    private static List<PlannedResource> monitoringAlarms(StackPlan plan) {
        String component = plan.ofType(Monitoring.TYPE).get(0).urn();
        return plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream().filter(r -> component.equals(r.parent())).toList();
    }
}
