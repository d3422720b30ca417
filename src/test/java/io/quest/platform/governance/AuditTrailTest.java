package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.identity.PlatformRole;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload account's trail, its CloudWatch Logs copy, the CIS metric filters and alarms, as planned. */
class AuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The role the AWS documentation's sample AssumeRole record names. */
    private static final String SAMPLE_ROLE = "arn:aws:iam::111122223333:role/EC2-dev";
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
    void the_cis_metric_filters_count_exactly_the_benchmark_patterns_and_one_counts_break_glass_use() {
        List<PlannedResource> filters = dev.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter");
        assertThat(filters).hasSize(CisMetricFilter.values().length + 1).allSatisfy(f -> {
            assertThat(f.input("logGroupName")).isEqualTo(dev.named("dev-trail-logs").input("name"));
            assertThat(f.input("metricTransformation", "namespace")).isEqualTo("QuestPlatform/Security");
            assertThat(f.input("metricTransformation", "value")).isEqualTo("1");
        });
        for (CisMetricFilter filter : CisMetricFilter.values()) {
            assertThat(dev.named("dev-trail-" + filter.key()).input("pattern")).as(filter.controls()).isEqualTo(filter.pattern());
        }
        assertThat(dev.named("dev-trail-break-glass-use").input("pattern"))
                .isEqualTo(new RoleUseFilter(List.of("arn:aws:iam::222222222222:role/quest-platform-break-glass")).pattern());
    }

    @Test
    void the_break_glass_filter_counts_an_assume_role_of_dev_s_break_glass_role_and_not_of_another_role() throws Exception {
        String pattern = (String) dev.named("dev-trail-break-glass-use").input("pattern");
        String sample = Files.readString(Path.of("src/test/resources/cloudtrail/assume-role-role-account.json"));
        String breakGlass = PlatformRole.BREAK_GLASS.arn(Partition.AWS, "222222222222");
        assertThat(FilterPattern.matches(pattern, JSON.readTree(sample.replace(SAMPLE_ROLE, breakGlass)))).isTrue();
        for (String other : List.of(PlatformRole.DEPLOYER.arn(Partition.AWS, "222222222222"), PlatformRole.BREAK_GLASS.arn(Partition.AWS, "333333333333"), SAMPLE_ROLE)) {
            assertThat(FilterPattern.matches(pattern, JSON.readTree(sample.replace(SAMPLE_ROLE, other)))).as(other).isFalse();
        }
        PlannedResource alarm = dev.named("dev-trail-break-glass-use-alarm");
        assertThat(alarm.input("metricName")).isEqualTo(dev.named("dev-trail-break-glass-use").input("metricTransformation", "name"));
        assertThat(alarm.inputs()).containsEntry("threshold", 1L).containsEntry("comparisonOperator", "GreaterThanOrEqualToThreshold");
    }

    @Test
    void the_shared_account_s_trail_counts_an_assume_role_of_every_member_s_break_glass_role() throws Exception {
        String pattern = (String) shared.named("shared-trail-break-glass-use").input("pattern");
        String sample = Files.readString(Path.of("src/test/resources/cloudtrail/assume-role-role-account.json"));
        for (String account : List.of("222222222222", "333333333333")) {
            assertThat(FilterPattern.matches(pattern, JSON.readTree(sample.replace(SAMPLE_ROLE, PlatformRole.BREAK_GLASS.arn(Partition.AWS, account)))))
                    .as(account).isTrue();
            assertThat(FilterPattern.matches(pattern, JSON.readTree(sample.replace(SAMPLE_ROLE, PlatformRole.DEPLOYER.arn(Partition.AWS, account)))))
                    .as(account).isFalse();
        }
        // the shared account has no break-glass role of its own
        assertThat(FilterPattern.matches(pattern, JSON.readTree(sample.replace(SAMPLE_ROLE, PlatformRole.BREAK_GLASS.arn(Partition.AWS, "111111111111")))))
                .isFalse();
    }

    @Test
    void every_alarm_of_the_trail_notifies_the_environment_s_alert_topic() {
        StackPlan withMonitoring = PlanFixture.repository().stack("dev");
        List<PlannedResource> alarms = withMonitoring.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> a.name().startsWith("dev-trail-")).toList();
        assertThat(alarms).hasSize(CisMetricFilter.values().length + 1).allSatisfy(a ->
                assertThat(a.input("alarmActions")).isEqualTo(List.of(withMonitoring.outputs().get("alertTopicArn"))));
        assertThat(withMonitoring.named("dev-trail-break-glass-use-alarm").input("alarmActions"))
                .isEqualTo(List.of(withMonitoring.outputs().get("alertTopicArn")));
    }

    @Test
    void the_trail_s_alarms_are_the_only_alarms_on_its_security_metrics_even_beside_monitoring() {
        StackPlan withMonitoring = PlanFixture.repository().stack("dev");
        assertThat(withMonitoring.ofType("quest:observability:Monitoring")).hasSize(1);
        List<String> metrics = Arrays.stream(CisMetricFilter.values()).map(f -> f.metric().name()).toList();
        List<PlannedResource> onSecurityMetrics = withMonitoring.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> CisMetricFilter.NAMESPACE.equals(a.input("namespace")) || metrics.contains(a.input("metricName"))).toList();
        assertThat(onSecurityMetrics).hasSize(CisMetricFilter.values().length + 1)
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
        List<SecurityMetric> all = new ArrayList<>(metrics);
        all.add(RoleUseFilter.METRIC);
        assertThat(all).hasSize(16).extracting(SecurityMetric::name).doesNotHaveDuplicates()
                .contains("RootAccountUse", "UnauthorizedApiCalls", "ConsoleSigninWithoutMfa");
        assertThat(metrics).allSatisfy(m -> assertThat(m.namespace()).isEqualTo(CisMetricFilter.NAMESPACE));
    }
}
