package io.quest.platform.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's alarms notify the alert topic the environment stack exports, on ALARM and on OK; its dashboard, in
 * the data stack, draws every metric an alarm watches, for the database's own identifier.
 */
@SuppressWarnings("unchecked")
class DatabaseMonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;

    @BeforeAll
    static void planRepository() {
        plan = PlanFixture.repository();
    }

    @Test
    void every_database_alarm_notifies_the_environment_s_alert_topic() {
        for (String env : List.of("dev", "prod")) {
            String topic = plan.stack(env).outputs().get("alertTopicArn").toString();
            assertThat(topic).startsWith("arn:aws:sns:eu-west-1:");
            List<PlannedResource> alarms = plan.stack(env + "-data").ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
            // dev (RDS): cpu, memory, connections, storage; prod (Aurora, 2 instances): cpu, memory, connections, ACUs, replica lag.
            assertThat(alarms).hasSize(env.equals("dev") ? 4 : 5);
            assertThat(alarms).allSatisfy(alarm -> {
                assertThat((List<Object>) alarm.input("alarmActions")).as(alarm.name()).containsExactly(topic);
                assertThat((List<Object>) alarm.input("okActions")).as(alarm.name()).containsExactly(topic);
            });
        }
    }

    @Test
    void the_data_stack_s_dashboard_draws_every_metric_its_alarms_watch_for_its_database() throws Exception {
        for (String env : List.of("dev", "prod")) {
            StackPlan data = plan.stack(env + "-data");
            List<PlannedResource> dashboards = data.ofType("aws:cloudwatch/dashboard:Dashboard");
            assertThat(dashboards).hasSize(1);
            PlannedResource dashboard = dashboards.get(0);
            assertThat(dashboard.input("dashboardName")).isEqualTo("quest-" + env + "-db");

            Map<String, Object> body = JSON.readValue(String.valueOf(dashboard.input("dashboardBody")), new TypeReference<>() { });
            List<List<Object>> lines = new ArrayList<>();
            for (Map<String, Object> widget : (List<Map<String, Object>>) body.get("widgets")) {
                if (widget.get("type").equals("metric")) {
                    lines.addAll((List<List<Object>>) ((Map<String, Object>) widget.get("properties")).get("metrics"));
                }
            }
            String dimension = env.equals("dev") ? "DBInstanceIdentifier" : "DBClusterIdentifier";
            assertThat(lines).isNotEmpty().allSatisfy(line -> {
                assertThat(line.get(0)).isEqualTo("AWS/RDS");
                assertThat(line.subList(2, 4)).containsExactly(dimension, env + "-db");
            });
            List<Object> drawn = lines.stream().map(line -> line.get(1)).toList();
            for (PlannedResource alarm : data.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")) {
                assertThat(drawn).as(alarm.name()).contains(alarm.input("metricName"));
                assertThat((Map<String, Object>) alarm.input("dimensions")).containsExactly(Map.entry(dimension, env + "-db"));
            }
        }
    }
}
