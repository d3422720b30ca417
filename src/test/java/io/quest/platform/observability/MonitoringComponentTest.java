package io.quest.platform.observability;

import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.plan.DrainingRunner;
import io.quest.platform.plan.MockCloud;
import io.quest.platform.service.ServiceOutputs;
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

/** The component on its own, in production (protected) and built by name, against the mock cloud. */
class MonitoringComponentTest {

    private static final List<Mocks.ResourceArgs> registered = new CopyOnWriteArrayList<>();
    private static final Tags TAGS = Tags.platform("quest-platform", "qa", "qa", "", Map.of());

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
        var result = PulumiTestInternal.builder().mocks(recording).deploymentFactory(DrainingRunner::deployment).build().runTest(ctx -> {
            var alb = new LoadBalancer("qa-alb", LoadBalancerArgs.builder().build());
            var tg = new TargetGroup("qa-tg", TargetGroupArgs.builder().port(3000).protocol("HTTP").build());
            var service = new ServiceOutputs(Output.of("http://qa.example.com"), alb.dnsName(), alb.arnSuffix(), tg.arnSuffix(),
                    Output.of("qa-cluster"), Output.of("qa-web"), Output.of("/quest/qa-web"), Output.of(""), Output.of(""), Output.of("sg-0qa"), Output.of("qa-web-task"));
            new Monitoring("qa-monitoring", MonitoringArgs.builder()
                    .environment("qa")
                    .account("444444444444", "eu-west-1")
                    .service(service, "/health")
                    .protect(true)
                    .tags(TAGS)
                    .build(), null);
        });
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void a_protected_monitoring_never_empties_its_canary_bucket_on_delete() {
        assertThat(named("qa-monitoring-canary-artifacts").inputs).containsEntry("forceDestroy", false);
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
    void the_only_alarms_are_the_service_s_one_per_kind_each_notifying_the_topic_on_alarm_and_ok() {
        List<Mocks.ResourceArgs> alarms = registered.stream().filter(r -> r.type.equals("aws:cloudwatch/metricAlarm:MetricAlarm")).toList();
        assertThat(alarms).hasSize(AlarmKind.values().length);
        @SuppressWarnings("unchecked")
        String topicArn = ((List<String>) named("qa-monitoring-target-5xx").inputs.get("alarmActions")).get(0);
        assertThat(topicArn).matches("arn:aws:sns:eu-west-1:444444444444:qa-monitoring-alerts-[0-9a-f]{7}");
        assertThat(alarms).allSatisfy(alarm -> assertThat(alarm.inputs)
                .containsEntry("alarmActions", List.of(topicArn)).containsEntry("okActions", List.of(topicArn)));
    }

    @Test
    void a_canary_alarm_period_shorter_than_the_canary_s_interval_is_refused_in_the_args() {
        var slow = new CanarySettings(CanarySchedule.parse("rate(15 minutes)").orElseThrow(), CanarySettings.DEFAULT_RUNTIME,
                Optional.empty(), 60, 31, false);
        var service = new ServiceOutputs(Output.of("u"), Output.of("d"), Output.of("a"), Output.of("t"), Output.of("c"), Output.of("s"),
                Output.of("l"), Output.of(""), Output.of(""), Output.of("sg"), Output.of("task"));
        assertThatThrownBy(() -> MonitoringArgs.builder().environment("qa").account("444444444444", "eu-west-1").service(service, "/")
                .canary(slow).tags(TAGS).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the canary alarm's period is shorter than the canary's interval");
    }

    private static Mocks.ResourceArgs named(String name) {
        // A building block shares its name with the resource it wraps (the canary bucket): the resource is meant.
        return registered.stream().filter(r -> r.name.equals(name)).min(java.util.Comparator.comparing(r -> r.type.startsWith("quest:")))
                .orElseThrow(() -> new AssertionError("nothing registered as " + name));
    }
}
