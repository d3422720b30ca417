package io.quest.platform.observability;

import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import io.quest.platform.governance.SecurityMetric;
import io.quest.platform.plan.MockCloud;
import io.quest.platform.tags.Tags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The component on its own, with CloudTrail security metrics to alarm on, against the mock cloud. */
class MonitoringComponentTest {

    private static final List<Mocks.ResourceArgs> registered = new CopyOnWriteArrayList<>();
    private static final List<SecurityMetric> METRICS = List.of(
            new SecurityMetric("RootAccountUsage", "CISBenchmark", "Count of root account use in CloudTrail (CIS 4.3)"),
            new SecurityMetric("IAMPolicyChanges", "CISBenchmark", "Count of IAM policy changes in CloudTrail (CIS 4.4)"));

    @BeforeAll
    static void run() {
        var cloud = new MockCloud("qa", "444444444444", "eu-west-1", Map.of());
        Mocks recording = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registered.add(args);
                return cloud.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return cloud.callAsync(args);
            }
        };
        var result = PulumiTest.withMocks(recording).runTest(ctx -> {
            var alb = new LoadBalancer("qa-alb", LoadBalancerArgs.builder().build());
            var tg = new TargetGroup("qa-tg", TargetGroupArgs.builder().port(3000).protocol("HTTP").build());
            var service = new WatchedService(Output.of("http://qa.example.com"), alb.dnsName(), alb.arnSuffix(), tg.arnSuffix(),
                    Output.of("qa-cluster"), Output.of("qa-web"), Output.of("/quest/qa-web"), Output.of(""));
            new Monitoring("qa-monitoring", new MonitoringArgs("qa", false, "eu-west-1", "444444444444", service, "/health",
                    List.of(), Optional.empty(), Map.of(), CanarySettings.defaults(), true, Optional.empty(), METRICS,
                    Tags.platform("quest-platform", "qa", "qa", "", Map.of())), null);
        });
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void each_security_metric_alarms_on_the_alert_topic_at_the_first_event() {
        @SuppressWarnings("unchecked")
        String topicArn = ((List<String>) named("qa-monitoring-target-5xx").inputs.get("alarmActions")).get(0);
        assertThat(topicArn).matches("arn:aws:sns:eu-west-1:444444444444:qa-monitoring-alerts-[0-9a-f]{7}");
        List<Mocks.ResourceArgs> alarms = registered.stream()
                .filter(r -> r.type.equals("aws:cloudwatch/metricAlarm:MetricAlarm") && r.name.startsWith("qa-monitoring-security-")).toList();
        assertThat(alarms).hasSize(2);
        Mocks.ResourceArgs root = named("qa-monitoring-security-rootaccountusage");
        assertThat(root.inputs).containsEntry("namespace", "CISBenchmark").containsEntry("metricName", "RootAccountUsage")
                .containsEntry("statistic", "Sum").containsEntry("comparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("alarmActions", List.of(topicArn)).containsEntry("okActions", List.of(topicArn));
        assertThat(((Number) root.inputs.get("threshold")).doubleValue()).isEqualTo(1.0);
        assertThat((String) root.inputs.get("alarmDescription")).startsWith("Count of root account use in CloudTrail (CIS 4.3). Find the events");
    }

    @Test
    void the_alarms_use_the_arn_suffixes_the_load_balancer_and_target_group_report() {
        Mocks.ResourceArgs target5xx = named("qa-monitoring-target-5xx");
        @SuppressWarnings("unchecked")
        Map<String, Object> dimensions = (Map<String, Object>) target5xx.inputs.get("dimensions");
        assertThat((String) dimensions.get("LoadBalancer")).matches("app/qa-alb-[0-9a-f]{7}/[0-9a-f]{16}");
        assertThat((String) dimensions.get("TargetGroup")).matches("targetgroup/qa-tg-[0-9a-f]{7}/[0-9a-f]{16}");
    }

    @Test
    void without_security_metrics_there_are_only_the_service_alarms() {
        long alarms = registered.stream().filter(r -> r.type.equals("aws:cloudwatch/metricAlarm:MetricAlarm")).count();
        assertThat(alarms).isEqualTo(AlarmKind.values().length + METRICS.size());
    }

    @Test
    void a_canary_alarm_period_shorter_than_the_canary_s_interval_is_refused_in_the_args() {
        var slow = new CanarySettings(CanarySchedule.parse("rate(15 minutes)").orElseThrow(), CanarySettings.DEFAULT_RUNTIME,
                Optional.empty(), 60, 31, false);
        var service = new WatchedService(Output.of("u"), Output.of("d"), Output.of("a"), Output.of("t"), Output.of("c"), Output.of("s"),
                Output.of("l"), Output.of(""));
        assertThatThrownBy(() -> new MonitoringArgs("qa", false, "eu-west-1", "444444444444", service, "/", List.of(), Optional.empty(),
                Map.of(), slow, true, Optional.empty(), List.of(), Tags.platform("p", "qa", "qa", "", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the canary alarm's period is shorter than the canary's interval");
    }

    private static Mocks.ResourceArgs named(String name) {
        return registered.stream().filter(r -> r.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing registered as " + name));
    }
}
