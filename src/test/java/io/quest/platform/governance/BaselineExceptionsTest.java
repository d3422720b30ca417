package io.quest.platform.governance;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.policy.BaselineExceptionsRule;
import io.quest.platform.policy.Finding;
import io.quest.platform.policy.Severity;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every control the platform deliberately does not meet is written down, with its reason, and shows in the plan. */
class BaselineExceptionsTest {

    @Test
    void each_exception_is_a_finding_in_every_stack_naming_the_control_reason_and_compensating_control() {
        List<ProtectionPlan.AgentManagement> off = Arrays.stream(ProtectionPlan.AgentManagement.values())
                .filter(a -> !a.enabled()).toList();
        assertThat(off).containsExactly(ProtectionPlan.AgentManagement.EC2_AGENT_MANAGEMENT);

        for (StackPlan stack : PlanFixture.repository().stacks().stream().filter(s -> !s.stack().endsWith("-data")).toList()) {
            List<Finding> exceptions = stack.findings().stream().filter(f -> f.rule().equals("baseline-exception"))
                    .filter(f -> f.message().startsWith("FSBP GuardDuty")).toList();
            assertThat(exceptions).as(stack.stack()).hasSize(1).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.low);
                assertThat(f.message()).startsWith("FSBP GuardDuty.13 (EC2_AGENT_MANAGEMENT) is deliberately not met")
                        .contains(off.get(0).exception().orElseThrow().reason())
                        .contains("Compensating control: " + off.get(0).exception().orElseThrow().compensatingControl());
                assertThat(stack.byUrn(f.urn()).input("name")).isEqualTo("RUNTIME_MONITORING");
            });
        }
    }

    @Test
    void the_exceptions_of_the_repository_s_stacks_are_exactly_those_written_down() {
        for (StackPlan stack : PlanFixture.repository().stacks().stream().filter(s -> !s.stack().endsWith("-data")).toList()) {
            List<String> controls = stack.findings().stream().filter(f -> f.rule().equals("baseline-exception"))
                    .map(f -> f.message().replaceFirst("^(FSBP |Security Hub )(\\S+).*", "$2")).toList();
            assertThat(controls).as(stack.stack()).containsExactlyInAnyOrderElementsOf(
                    stack.stack().equals("dev") ? List.of("GuardDuty.13", "ELB.16", "S3.9", "S3.9", "S3.22")
                            : List.of("GuardDuty.13", "S3.9", "S3.9", "S3.22"));
        }
    }

    @Test
    void a_protection_plan_or_agent_switched_off_without_a_written_exception_is_a_high_finding() {
        PlannedResource lambda = feature("dev-guardduty-eu-west-1-lambda-network-logs",
                Map.of("name", "LAMBDA_NETWORK_LOGS", "status", "DISABLED"));
        PlannedResource runtime = feature("dev-guardduty-eu-west-1-runtime-monitoring", Map.of("name", "RUNTIME_MONITORING",
                "status", "ENABLED", "additionalConfigurations", List.of(
                        Map.of("name", "ECS_FARGATE_AGENT_MANAGEMENT", "status", "DISABLED"),
                        Map.of("name", "EC2_AGENT_MANAGEMENT", "status", "DISABLED"))));
        StackPlan plan = new StackPlan("dev", List.of(), List.of(lambda, runtime), Map.of(), Map.of(), List.of(), List.of(), null);

        List<Finding> findings = new BaselineExceptionsRule().check(plan, null);

        assertThat(findings).extracting(Finding::severity, Finding::message).containsExactly(
                tuple(Severity.high, "GuardDuty protection plan LAMBDA_NETWORK_LOGS (GuardDuty.6) is off in"
                        + " dev-guardduty-eu-west-1-lambda-network-logs without a written exception"),
                tuple(Severity.high, "GuardDuty agent setting ECS_FARGATE_AGENT_MANAGEMENT is off in"
                        + " dev-guardduty-eu-west-1-runtime-monitoring without a written exception"),
                tuple(Severity.low, "FSBP GuardDuty.13 (EC2_AGENT_MANAGEMENT) is deliberately not met in"
                        + " dev-guardduty-eu-west-1-runtime-monitoring: " + ProtectionPlan.AgentManagement.EC2_AGENT_MANAGEMENT
                        .exception().orElseThrow().reason() + ". Compensating control: " + ProtectionPlan.AgentManagement
                        .EC2_AGENT_MANAGEMENT.exception().orElseThrow().compensatingControl()));
    }

    private static PlannedResource feature(String name, Map<String, Object> inputs) {
        return new PlannedResource("urn:pulumi:dev::quest-platform::quest:governance:ThreatDetection$"
                + "aws:guardduty/detectorFeature:DetectorFeature::" + name, name, "aws:guardduty/detectorFeature:DetectorFeature",
                name, true, null, null, List.of(), false, false, inputs, List.of());
    }

    @Test
    void docs_list_every_protection_control_and_every_exception_with_its_reason() throws IOException {
        String doc = Files.readString(Path.of("docs/baseline.md"));
        String exceptions = doc.substring(doc.indexOf("## Exceptions"), doc.indexOf("## Configuration"));
        assertThat(exceptions).contains("Security Hub ELB.16").contains(BaselineExceptionsRule.NO_WAF_REASON)
                .contains(BaselineExceptionsRule.NO_WAF_COMPENSATION);

        assertThat(ProtectionPlan.values()).allSatisfy(plan -> assertThat(doc).contains("| " + plan.control()));
        for (ProtectionPlan.AgentManagement agent : ProtectionPlan.AgentManagement.values()) {
            assertThat(doc).contains(agent.control());
            agent.exception().ifPresent(e -> assertThat(exceptions).contains("FSBP " + agent.control()).contains(agent.configName())
                    .contains(e.reason()).contains(e.compensatingControl()));
        }
    }
}
