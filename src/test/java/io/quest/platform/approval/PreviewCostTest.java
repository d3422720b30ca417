package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.cost.CostChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's monthly cost change: what a preview adds minus what it removes, at the provider's region's prices. */
class PreviewCostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "urn:pulumi:dev::quest-platform::";

    private static ResourceChange change(Operation op, String type, String name, Map<String, Object> before, Map<String, Object> after) {
        JsonNode oldInputs = before == null ? null : JSON.valueToTree(before);
        JsonNode newInputs = after == null ? null : JSON.valueToTree(after);
        return new ResourceChange(op, Urn.parse(STACK + type + "::" + name), type, false, oldInputs, newInputs, List.of(), List.of());
    }

    private static Preview preview(ResourceChange... changes) {
        return new Preview(PreviewSource.PREVIEW_JSON, List.of(changes), List.of(), Map.of(), Optional.of("succeeded"));
    }

    private static final ResourceChange PROVIDER = change(Operation.SAME, "pulumi:providers:aws", "dev-aws",
            Map.of("region", "eu-west-1"), Map.of("region", "eu-west-1"));

    @Test
    void a_nat_gateway_added_and_a_load_balancer_removed_change_the_month_by_their_difference_at_the_provider_s_region() {
        Map<String, Object> alb = Map.of("loadBalancerType", "application", "internal", true, "subnets", List.of("a", "b"));
        CostChange c = PreviewCost.of(preview(PROVIDER,
                change(Operation.CREATE, "aws:ec2/natGateway:NatGateway", "dev-nat-a", null, Map.of("connectivityType", "public")),
                change(Operation.DELETE, "aws:lb/loadBalancer:LoadBalancer", "dev-web-alb", alb, null),
                change(Operation.SAME, "aws:kms/key:Key", "dev-key", Map.of(), Map.of())));
        assertThat(c.region()).isEqualTo("eu-west-1");
        // NAT gateway 730 h x $0.048 = $35.04 added; ALB 730 h x $0.0252 = $18.40 removed; the unchanged key cancels.
        assertThat(c.deltaUsd()).isEqualTo(16.64);
        assertThat(c.beforeUsd()).isEqualTo(18.40 + 1.00);
        assertThat(c.summary()).startsWith("+$16.64 a month (fixed items at eu-west-1 list prices, before the free tier)");
    }

    @Test
    void an_eleventh_alarm_shows_its_price_because_the_change_ignores_the_free_tier() {
        CostChange c = PreviewCost.of(preview(PROVIDER, change(Operation.CREATE, "aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", null, Map.of())));
        assertThat(c.deltaUsd()).isPositive();
    }

    @Test
    void removing_cost_is_a_negative_change_and_the_text_report_shows_the_line() {
        Preview p = preview(PROVIDER, change(Operation.DELETE, "aws:ec2/eip:Eip", "dev-nat-eip-a", Map.of("domain", "vpc"), null));
        assertThat(PreviewCost.of(p).deltaUsd()).isEqualTo(-3.65);
        GateReport report = Gate.review(p, "dev", false, Optional.empty());
        assertThat(ReportFormat.TEXT.render(report)).contains("  monthly cost change: -$3.65 a month (fixed items at eu-west-1 list prices");
        assertThat(ReportFormat.MARKDOWN.render(report)).contains("Monthly cost change: -$3.65 a month");
    }

    @Test
    void without_an_aws_provider_in_the_preview_the_region_is_said_to_be_assumed() {
        Preview p = preview(change(Operation.CREATE, "aws:ec2/natGateway:NatGateway", "nat", null, Map.of()));
        assertThat(PreviewCost.of(p).region()).isEqualTo("us-east-1");
        assertThat(PreviewCost.line(p)).endsWith("(no AWS provider in the preview: region assumed)");
    }
}
