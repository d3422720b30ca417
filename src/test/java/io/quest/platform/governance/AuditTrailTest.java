package io.quest.platform.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload account's trail, its CloudWatch Logs copy, the CIS metric filters and alarms, as planned. */
class AuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan dev;
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        dev = BaselinePlans.platform().stack("dev");
        shared = BaselinePlans.platform().stack("shared");
    }

    @Test
    void the_trail_is_multi_region_signed_encrypted_with_the_shared_key_and_delivered_to_the_archive() {
        PlannedResource trail = trail();
        assertThat(trail.inputs()).containsEntry("isMultiRegionTrail", true)
                .containsEntry("includeGlobalServiceEvents", true)
                .containsEntry("enableLogFileValidation", true)
                .containsEntry("enableLogging", true)
                .containsEntry("isOrganizationTrail", false)
                .containsEntry("kmsKeyId", shared.outputs().get("logArchiveKeyArn"))
                .containsEntry("s3BucketName", shared.outputs().get("logArchiveBucket"));
        // AWSLogs/<account>/CloudTrail/ at the archive's root: the path its bucket policy lets this account write
        assertThat(trail.input("s3KeyPrefix")).isNull();
    }

    @Test
    void a_copy_goes_to_the_account_log_group_through_a_role_that_can_only_write_there() throws Exception {
        PlannedResource trail = trail();
        PlannedResource logGroup = dev.named("dev-trail-logs");
        String logGroupArn = "arn:aws:logs:eu-west-1:222222222222:log-group:" + logGroup.input("name");
        assertThat(trail.input("cloudWatchLogsGroupArn")).isEqualTo(logGroupArn + ":*");
        assertThat(logGroup.input("retentionInDays")).isEqualTo(365L);

        PlannedResource role = dev.named("dev-trail-logs-role");
        assertThat(trail.input("cloudWatchLogsRoleArn")).isEqualTo("arn:aws:iam::222222222222:role/" + role.id());
        JsonNode trust = JSON.readTree((String) role.input("assumeRolePolicy")).get("Statement").get(0);
        assertThat(trust.get("Principal").get("Service").asText()).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(trust.get("Condition").get("StringEquals").get("aws:SourceAccount").asText()).isEqualTo("222222222222");

        JsonNode write = JSON.readTree((String) dev.named("dev-trail-logs-role-write").input("policy")).get("Statement");
        assertThat(write).hasSize(1);
        assertThat(write.get(0).get("Action")).extracting(JsonNode::asText).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(write.get(0).get("Resource").asText()).isEqualTo(logGroupArn + ":log-stream:*");
        assertThat(trail.dependencies()).contains(dev.named("dev-trail-logs-role-write").urn());
    }

    @Test
    void the_cis_metric_filters_count_exactly_the_benchmark_patterns() {
        List<PlannedResource> filters = dev.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter");
        assertThat(filters).hasSize(8).allSatisfy(f -> {
            assertThat(f.input("logGroupName")).isEqualTo(dev.named("dev-trail-logs").input("name"));
            assertThat(f.input("metricTransformation", "namespace")).isEqualTo("QuestPlatform/Security");
            assertThat(f.input("metricTransformation", "value")).isEqualTo("1");
        });
        assertThat(dev.named("dev-trail-root-account-use").input("pattern")).isEqualTo(
                "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }");
        assertThat(dev.named("dev-trail-unauthorized-api-calls").input("pattern")).isEqualTo(
                "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }");
        assertThat(dev.named("dev-trail-console-signin-without-mfa").input("pattern")).isEqualTo(
                "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }");
        assertThat(dev.named("dev-trail-iam-policy-changes").input("pattern")).isEqualTo(
                "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)"
                        + "||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)"
                        + "||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)"
                        + "||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)"
                        + "||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)"
                        + "||($.eventName=DetachGroupPolicy)}");
        assertThat(dev.named("dev-trail-cloudtrail-changes").input("pattern")).isEqualTo(
                "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail)"
                        + " || ($.eventName = StartLogging) || ($.eventName = StopLogging) }");
        assertThat(dev.named("dev-trail-config-changes").input("pattern")).isEqualTo(
                "{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder)"
                        + " || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel)"
                        + " || ($.eventName = PutConfigurationRecorder)) }");
        assertThat(dev.named("dev-trail-security-group-changes").input("pattern")).isEqualTo(
                "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress)"
                        + " || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress)"
                        + " || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }");
        assertThat(dev.named("dev-trail-nacl-changes").input("pattern")).isEqualTo(
                "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl)"
                        + " || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry)"
                        + " || ($.eventName = ReplaceNetworkAclAssociation) }");
    }

    @Test
    void each_filter_has_an_alarm_on_its_metric_at_the_first_event() {
        List<PlannedResource> alarms = dev.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> a.name().startsWith("dev-trail-")).toList();
        assertThat(alarms).hasSize(8);
        for (CisMetricFilter filter : CisMetricFilter.values()) {
            PlannedResource metricFilter = dev.named("dev-trail-" + filter.key());
            PlannedResource alarm = dev.named("dev-trail-" + filter.key() + "-alarm");
            assertThat(alarm.input("metricName")).isEqualTo(metricFilter.input("metricTransformation", "name"));
            assertThat(alarm.input("namespace")).isEqualTo(metricFilter.input("metricTransformation", "namespace"));
            assertThat(alarm.inputs()).containsEntry("statistic", "Sum").containsEntry("threshold", 1L)
                    .containsEntry("comparisonOperator", "GreaterThanOrEqualToThreshold")
                    .containsEntry("treatMissingData", "notBreaching");
            assertThat(String.valueOf(alarm.input("alarmDescription")))
                    .isEqualTo(filter.metric().description() + ". " + AuditTrail.RUNBOOK)
                    .contains("treat it as a security incident");
        }
    }

    @Test
    void the_trail_s_alarms_are_the_only_alarms_on_its_security_metrics_even_beside_monitoring() {
        StackPlan withMonitoring = PlanFixture.repository().stack("dev");
        assertThat(withMonitoring.ofType("quest:observability:Monitoring")).hasSize(1);
        List<String> metrics = Arrays.stream(CisMetricFilter.values()).map(f -> f.metric().name()).toList();
        List<PlannedResource> onSecurityMetrics = withMonitoring.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> CisMetricFilter.NAMESPACE.equals(a.input("namespace")) || metrics.contains(a.input("metricName"))).toList();
        assertThat(onSecurityMetrics).hasSize(CisMetricFilter.values().length)
                .allSatisfy(a -> assertThat(a.name()).startsWith("dev-trail-").endsWith("-alarm"));
    }

    /** The trail itself (its component has the same name). */
    private static PlannedResource trail() {
        List<PlannedResource> trails = dev.ofType("aws:cloudtrail/trail:Trail");
        assertThat(trails).hasSize(1);
        assertThat(trails.get(0).name()).isEqualTo("dev-trail");
        return trails.get(0);
    }

    @Test
    void the_metrics_are_named_once() {
        List<SecurityMetric> metrics = Arrays.stream(CisMetricFilter.values()).map(CisMetricFilter::metric).toList();
        assertThat(metrics).hasSize(8).extracting(SecurityMetric::name).doesNotHaveDuplicates()
                .contains("RootAccountUse", "UnauthorizedApiCalls", "ConsoleSigninWithoutMfa");
        assertThat(metrics).allSatisfy(m -> assertThat(m.namespace()).isEqualTo(CisMetricFilter.NAMESPACE));
    }
}
