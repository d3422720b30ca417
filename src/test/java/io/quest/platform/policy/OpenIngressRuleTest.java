package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** {@code open-ingress}: silent on the platform's own plans, high on any other opening to the internet. */
class OpenIngressRuleTest {

    private static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String TAIL = " from the internet; only a load balancer's TCP 80 and 443 may be";

    private final StackPlan prod = PlanFixture.repository().stack("prod");
    private final StackPlan dev = PlanFixture.repository().stack("dev");
    private final PlatformConfig production = RulePlans.config("prod", true);
    private final OpenIngressRule rule = new OpenIngressRule();

    @Test
    void the_platforms_internet_openings_are_the_load_balancers_tcp_80_and_443_and_raise_nothing() {
        for (StackPlan stack : List.of(dev, prod)) {
            List<PlannedResource> fromInternet = stack.ofType(INGRESS_RULE).stream()
                    .filter(r -> r.input("cidrIpv4") != null || r.input("cidrIpv6") != null).toList();
            assertThat(fromInternet).hasSize(4).allSatisfy(r -> {
                assertThat(r.input("ipProtocol")).isEqualTo("tcp");
                assertThat(r.input("fromPort")).isIn(80L, 443L).isEqualTo(r.input("toPort"));
            });
            assertThat(rule.check(stack, production)).isEmpty();
            assertThat(stack.findings()).extracting(Finding::rule).doesNotContain(rule.id());
        }
        // an inline rule that is not from the internet is no opening either
        assertThat(prod.named("prod-endpoints-sg").input("ingress")).asList().singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r).get("cidrBlocks")).isEqualTo(List.of("10.20.0.0/16")));
    }

    @Test
    void ssh_from_the_internet_in_a_security_groups_inline_ingress_is_a_high_finding_evaluated_first() {
        PlannedResource endpoints = prod.named("prod-endpoints-sg");
        List<Object> ingress = new ArrayList<>((List<?>) endpoints.input("ingress"));
        ingress.add(Map.of("protocol", "tcp", "fromPort", 22L, "toPort", 22L, "cidrBlocks", List.of("0.0.0.0/0")));
        StackPlan opened = RulePlans.replace(prod, RulePlans.withInputs(endpoints, Map.of("ingress", ingress)));

        assertThat(rule.check(opened, production)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("open-ingress");
            assertThat(f.severity()).isEqualTo(Severity.high);
            assertThat(f.urn()).isEqualTo(endpoints.urn());
            assertThat(f.message()).isEqualTo("security group prod-endpoints-sg admits tcp 22-22" + TAIL);
        });
        assertThat(Policies.evaluate(opened, production).get(0).rule()).isEqualTo("open-ingress");
    }

    @Test
    void an_ingress_rule_for_every_protocol_or_for_udp_is_not_excused_by_naming_port_443() {
        PlannedResource https = prod.named("prod-web-alb-in-443-ipv4");
        StackPlan everything = RulePlans.replace(prod, RulePlans.withInputs(https, Map.of("ipProtocol", "-1")));
        StackPlan quic = RulePlans.replace(prod, RulePlans.withInputs(prod.named("prod-web-alb-in-443-ipv6"), Map.of("ipProtocol", "udp")));

        assertThat(rule.check(everything, production)).singleElement().satisfies(f -> {
            assertThat(f.urn()).isEqualTo(https.urn());
            assertThat(f.message()).isEqualTo("ingress rule prod-web-alb-in-443-ipv4 admits every protocol and port (protocol -1)" + TAIL);
        });
        assertThat(rule.check(quic, production)).extracting(Finding::message)
                .containsExactly("ingress rule prod-web-alb-in-443-ipv6 admits udp 443-443" + TAIL);
        // the protocol number of TCP is TCP
        StackPlan numbered = RulePlans.replace(prod, RulePlans.withInputs(https, Map.of("ipProtocol", "6")));
        assertThat(rule.check(numbered, production)).isEmpty();
    }

    @Test
    void a_default_security_group_or_an_ec2_security_group_rule_open_to_the_internet_is_found_too() {
        PlannedResource defaultSg = prod.named("prod-default-sg");
        StackPlan opened = RulePlans.replace(prod, RulePlans.withInputs(defaultSg, Map.of("ingress",
                List.of(Map.of("protocol", "-1", "fromPort", 0L, "toPort", 0L, "ipv6CidrBlocks", List.of("::/0"))))));
        PlannedResource rdp = RulePlans.resource(prod, "aws:ec2/securityGroupRule:SecurityGroupRule", "prod-rdp", Map.of(
                "type", "ingress", "protocol", "tcp", "fromPort", 3389L, "toPort", 3389L, "cidrBlocks", List.of("0.0.0.0/0")));
        PlannedResource egress = RulePlans.resource(prod, "aws:ec2/securityGroupRule:SecurityGroupRule", "prod-out", Map.of(
                "type", "egress", "protocol", "tcp", "fromPort", 3389L, "toPort", 3389L, "cidrBlocks", List.of("0.0.0.0/0")));
        opened = RulePlans.add(RulePlans.add(opened, rdp), egress);

        assertThat(rule.check(opened, production)).extracting(Finding::urn, Finding::message).containsExactlyInAnyOrder(
                tuple(defaultSg.urn(), "security group prod-default-sg admits every protocol and port (protocol -1)" + TAIL),
                tuple(rdp.urn(), "security group rule prod-rdp admits tcp 3389-3389" + TAIL));
    }
}
