package io.quest.platform.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AWS's rules for canary and dashboard names, alarm periods, canary schedules and log destinations, without Pulumi. */
class MonitoringRulesTest {

    @Property
    void every_environment_name_the_config_accepts_gives_a_canary_name_aws_accepts(
            @ForAll("environments") String environment) {
        String name = Canaries.healthCanaryName(environment);
        assertThat(name).hasSizeLessThanOrEqualTo(21).matches("^[0-9a-z_\\-]+$");
    }

    @Provide
    Arbitrary<String> environments() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(0).ofMaxLength(11)
                .map(rest -> "e" + rest);
    }

    @Test
    void canary_names_aws_refuses_are_refused() {
        for (String bad : List.of("", "Dev-health", "dev.health", "a-name-of-twenty-two-c", "dev health")) {
            assertThatThrownBy(() -> Canaries.requireValidName(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not 1 to 21 lowercase letters, digits, '_' and '-'");
        }
        assertThat(Canaries.requireValidName("prod_eu-1-health")).isEqualTo("prod_eu-1-health");
    }

    @Test
    void dashboard_names_follow_cloudwatch_s_rule() {
        assertThat(DashboardBody.requireValidName("quest-dev_1")).isEqualTo("quest-dev_1");
        for (String bad : List.of("", "quest dev", "quest/dev", "x".repeat(256))) {
            assertThatThrownBy(() -> DashboardBody.requireValidName(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void periods_are_multiples_of_a_minute(@ForAll @IntRange(min = 1, max = 90_000) int period) {
        assertThat(AlarmSettings.periodProblem(period).isEmpty()).isEqualTo(period % 60 == 0);
    }

    @Property
    void the_window_is_within_a_day_under_an_hour_and_seven_days_otherwise(
            @ForAll @IntRange(min = 1, max = 1440) int minutes, @ForAll @IntRange(min = 1, max = 2000) int evaluations) {
        int period = minutes * 60;
        long window = (long) period * evaluations;
        boolean allowed = period < 3600 ? window <= 86_400 : window <= 604_800;
        assertThat(AlarmSettings.windowProblem(period, evaluations).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void schedules_are_rates_from_one_minute_to_an_hour() {
        assertThat(CanarySchedule.parse("rate(1 minute)")).contains(new CanarySchedule("rate(1 minute)", 1));
        assertThat(CanarySchedule.parse("rate(5 minutes)").orElseThrow().runsPerMonth()).isEqualTo(8760.0);
        assertThat(CanarySchedule.parse("rate(1 hour)").orElseThrow().minutes()).isEqualTo(60);
        for (String bad : List.of("rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(61 minutes)", "rate(2 hours)",
                "cron(0/5 * * * ? *)", "every 5 minutes")) {
            assertThat(CanarySchedule.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void runtimes_before_the_new_namespace_are_refused() {
        assertThat(CanarySettings.runtimeProblem("syn-nodejs-puppeteer-13.1")).isEmpty();
        assertThat(CanarySettings.runtimeProblem(CanarySettings.DEFAULT_RUNTIME)).isEmpty();
        assertThat(CanarySettings.runtimeProblem("syn-nodejs-puppeteer-13.0")).isPresent();
        assertThat(CanarySettings.runtimeProblem("syn-python-selenium-5.1")).isPresent();
    }

    @Test
    void log_destinations_are_firehose_kinesis_or_a_logs_destination() {
        assertThat(LogDestination.parse("arn:aws:firehose:eu-west-1:222222222222:deliverystream/logs").orElseThrow().kind())
                .isEqualTo(LogDestination.Kind.FIREHOSE);
        assertThat(LogDestination.parse("arn:aws:kinesis:eu-west-1:222222222222:stream/logs").orElseThrow().kind())
                .isEqualTo(LogDestination.Kind.KINESIS);
        LogDestination remote = LogDestination.parse("arn:aws:logs:eu-west-1:111111111111:destination:central").orElseThrow();
        assertThat(remote.kind().needsRole()).isFalse();
        assertThat(LogDestination.parse("arn:aws:es:eu-west-1:222222222222:domain/logs")).isEmpty();
        assertThat(LogDestination.parse("arn:aws:lambda:eu-west-1:222222222222:function:ship")).isEmpty();
        assertThat(LogDestination.parse("firehose/logs")).isEmpty();
    }

    @Test
    void widgets_serialise_to_the_dashboard_body_structure() throws IOException {
        var metric = DashboardMetric.Metric.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "c"), "Average", "CPU");
        var body = new DashboardBody("-PT6H", "inherit", List.of(
                new TextWidget(0, 0, 24, 2, new TextWidget.Properties("# hello")),
                new MetricWidget(0, 2, 12, 6, new MetricWidget.Properties("CPU", "eu-west-1", "timeSeries", false, 60,
                        List.of(metric.asInput("m1"), new DashboardMetric.Expression("m1 * 2", "double", "e1")))),
                new LogWidget(12, 2, 12, 6, new LogWidget.Properties("Errors", "eu-west-1", "SOURCE 'g' | limit 5", "table"))));
        JsonNode json = new ObjectMapper().readTree(body.toJson());
        assertThat(json.path("start").asText()).isEqualTo("-PT6H");
        assertThat(json.path("widgets").get(0).toString()).isEqualTo(
                "{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":24,\"height\":2,\"properties\":{\"markdown\":\"# hello\"}}");
        assertThat(json.path("widgets").get(1).path("properties").path("metrics").toString()).isEqualTo(
                "[[\"AWS/ECS\",\"CPUUtilization\",\"ClusterName\",\"c\",{\"stat\":\"Average\",\"label\":\"CPU\",\"id\":\"m1\",\"visible\":false}],"
                        + "[{\"expression\":\"m1 * 2\",\"label\":\"double\",\"id\":\"e1\"}]]");
        assertThat(json.path("widgets").get(2).path("type").asText()).isEqualTo("log");
        assertThat(json.path("widgets").get(2).path("properties").path("query").asText()).isEqualTo("SOURCE 'g' | limit 5");
    }

    @Test
    void widgets_outside_the_grid_are_refused() {
        assertThatThrownBy(() -> new TextWidget(13, 0, 12, 2, new TextWidget.Properties("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the grid has 24");
    }

    @Test
    void the_script_package_is_the_same_on_every_build() {
        assertThat(Canaries.scriptKey(Canaries.zip())).isEqualTo(Canaries.scriptKey(Canaries.zip()));
    }
}
