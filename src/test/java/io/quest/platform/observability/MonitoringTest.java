package io.quest.platform.observability;

import io.quest.platform.plan.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring of the repository's own dev and prod stacks, wired to the service they watch. */
@SuppressWarnings("unchecked")
class MonitoringTest {

    private static StackPlan dev;
    private static StackPlan prod;

    @BeforeAll
    static void plan() {
        var plan = PlanFixture.repository();
        dev = plan.stack("dev");
        prod = plan.stack("prod");
    }

    @Test
    void every_alarm_notifies_the_alert_topic_on_alarm_and_on_ok() {
        String topicArn = (String) dev.outputs().get("alertTopicArn");
        List<PlannedResource> alarms = monitoringAlarms(dev);
        assertThat(alarms).hasSize(AlarmKind.values().length);
        assertThat(alarms).allSatisfy(a -> {
            assertThat(a.input("alarmActions")).isEqualTo(List.of(topicArn));
            assertThat(a.input("okActions")).isEqualTo(List.of(topicArn));
        });
    }

    @Test
    void target_group_alarms_use_the_arn_suffixes_of_the_planned_load_balancer_and_target_group() {
        String lb = (String) dev.outputs().get("albArnSuffix");
        String tg = (String) dev.outputs().get("targetGroupArnSuffix");
        assertThat(lb).startsWith("app/dev-web-alb-");
        assertThat(tg).startsWith("targetgroup/dev-web-tg-");
        PlannedResource target5xx = dev.named("dev-monitoring-target-5xx");
        assertThat(target5xx.input("namespace")).isEqualTo("AWS/ApplicationELB");
        assertThat(target5xx.input("metricName")).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(target5xx.input("dimensions")).isEqualTo(Map.of("LoadBalancer", lb, "TargetGroup", tg));
    }

    private static List<PlannedResource> monitoringAlarms(StackPlan plan) {
        String component = plan.ofType(Monitoring.TYPE).get(0).urn();
        return plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream().filter(r -> component.equals(r.parent())).toList();
    }
}
