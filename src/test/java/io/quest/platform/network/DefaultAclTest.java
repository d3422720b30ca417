package io.quest.platform.network;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default network ACL (FSBP EC2.21, CIS v3.0 5.1 and 5.2): remote administration closed to the internet, IPv4 and
 * IPv6, while what the public and private subnets need still passes; adopted, never created, for exactly the subnets that
 * use it.
 */
class DefaultAclTest {

    private static final String VPC = "10.10.0.0/16";
    private static final String INTERNET = "203.0.113.7";
    private static final String INTERNET_V6 = "2001:db8::7";
    private static final List<AclRule> IN = DefaultAcl.ingress(VPC);
    private static StackPlan dev;

    @BeforeAll
    static void plan() {
        dev = PlanFixture.repository().stack("dev");
    }

    @Test
    void the_default_nacl_denies_ssh_and_rdp_from_the_internet_over_tcp_and_udp_ipv4_and_ipv6() {
        for (int port : List.of(22, 3389)) {
            for (String protocol : List.of(AclRule.TCP, AclRule.UDP)) {
                assertThat(DefaultAcl.admits(IN, protocol, port, INTERNET)).as(protocol + " " + port).isFalse();
                assertThat(DefaultAcl.admits(IN, protocol, port, INTERNET_V6)).as(protocol + " " + port + " v6").isFalse();
                assertThat(DefaultAcl.admits(IN, protocol, port, "0.0.0.0")).isFalse();
            }
        }
        // An explicit deny for each, before any allow from anywhere: what AWS Config's nacl-no-unrestricted-ssh-rdp reads.
        for (int port : List.of(DefaultAcl.WINRM_FROM, DefaultAcl.WINRM_TO)) {
            assertThat(DefaultAcl.admits(IN, AclRule.TCP, port, INTERNET)).as("WinRM " + port).isFalse();
            assertThat(DefaultAcl.admits(IN, AclRule.TCP, port, INTERNET_V6)).as("WinRM " + port + " v6").isFalse();
        }
        assertThat(IN).as("AWS's default quota of inbound rules per network ACL").hasSizeLessThanOrEqualTo(20);
        assertThat(IN).filteredOn(r -> !r.allow()).hasSize(10)
                .allSatisfy(r -> assertThat(r.cidr()).isIn(DefaultAcl.ANY_IPV4, DefaultAcl.ANY_IPV6))
                .allSatisfy(r -> assertThat(r.ruleNo()).isLessThan(firstAllowFromAnywhere()));
    }

    @Test
    void no_allow_rule_from_anywhere_covers_an_administration_port() {
        List<AclRule> fromAnywhere = IN.stream().filter(AclRule::allow)
                .filter(r -> r.cidr().equals(DefaultAcl.ANY_IPV4) || r.cidr().equals(DefaultAcl.ANY_IPV6)).toList();
        assertThat(fromAnywhere).hasSize(7);
        for (AclRule rule : fromAnywhere) {
            for (int port : DefaultAcl.ADMIN_PORTS) {
                assertThat(rule.protocol().equals(AclRule.ALL) || (!rule.protocol().equals(AclRule.ICMP)
                        && port >= rule.fromPort() && port <= rule.toPort())).as(rule + " covers " + port).isFalse();
            }
        }
    }

    @Test
    void web_traffic_return_traffic_and_everything_inside_the_vpc_still_pass() {
        // The load balancer's listeners.
        assertThat(DefaultAcl.admits(IN, AclRule.TCP, 443, INTERNET)).isTrue();
        assertThat(DefaultAcl.admits(IN, AclRule.TCP, 80, INTERNET)).isTrue();
        // Replies to connections made from inside: the NAT gateway's ports (1024-65535), Linux's ephemeral range.
        for (int port : List.of(1024, 3388, 3390, 5984, 5987, 32768, 60999, 65535)) {
            assertThat(DefaultAcl.admits(IN, AclRule.TCP, port, INTERNET)).as("tcp " + port).isTrue();
            assertThat(DefaultAcl.admits(IN, AclRule.UDP, port, INTERNET)).as("udp " + port).isTrue();
        }
        assertThat(DefaultAcl.admits(IN, AclRule.ICMP, 0, INTERNET)).as("path MTU discovery").isTrue();
        // Inside the VPC nothing is filtered, administration ports included: the ALB's health checks, tasks to endpoints.
        for (int port : List.of(22, 443, 3389, 8080)) {
            assertThat(DefaultAcl.admits(IN, AclRule.TCP, port, "10.10.4.20")).as("vpc " + port).isTrue();
        }
        // What nothing needs stays shut: other well-known ports from the internet, and IPv6 altogether.
        assertThat(DefaultAcl.admits(IN, AclRule.TCP, 25, INTERNET)).isFalse();
        assertThat(DefaultAcl.admits(IN, AclRule.TCP, 443, INTERNET_V6)).isFalse();
        assertThat(DefaultAcl.egress()).singleElement().satisfies(r -> assertThat(r).isEqualTo(
                new AclRule(100, true, AclRule.ALL, 0, 0, DefaultAcl.ANY_IPV4)));
    }

    @Test
    void the_planned_acl_adopts_the_vpc_s_default_acl_for_the_public_and_private_subnets_only() {
        PlannedResource acl = dev.named("dev-default-nacl");
        assertThat(dev.ofType("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl")).hasSize(1);
        assertThat(acl.input("defaultNetworkAclId")).asString().startsWith("acl-0");
        assertThat(acl.dependencies()).contains(dev.named("dev-vpc").urn());
        List<String> subnets = new ArrayList<>();
        for (String tier : List.of("public", "private")) {
            for (String az : List.of("a", "b")) {
                subnets.add(dev.named("dev-" + tier + "-" + az).id());
            }
        }
        assertThat(List.copyOf((List<?>) acl.input("subnetIds")).stream().map(Object::toString).toList()).containsExactlyInAnyOrderElementsOf(subnets.stream().map(Object::toString).toList())
                .doesNotContain(dev.named("dev-isolated-a").id());
        List<Object> ingress = List.copyOf((List<?>) acl.input("ingress"));
        assertThat(ingress).hasSize(IN.size());
        assertThat(ingress).contains(Map.of("ruleNo", 20L, "action", "deny", "protocol", "6", "fromPort", 22L, "toPort", 22L,
                "cidrBlock", DefaultAcl.ANY_IPV4));
        assertThat(ingress).contains(Map.of("ruleNo", 25L, "action", "deny", "protocol", "6", "fromPort", 3389L, "toPort", 3389L,
                "ipv6CidrBlock", DefaultAcl.ANY_IPV6));
        assertThat(ingress).contains(Map.of("ruleNo", 10L, "action", "allow", "protocol", "-1", "fromPort", 0L, "toPort", 0L,
                "cidrBlock", VPC));
    }

    private static int firstAllowFromAnywhere() {
        return IN.stream().filter(AclRule::allow).filter(r -> !r.cidr().equals(VPC)).mapToInt(AclRule::ruleNo).min().orElseThrow();
    }
}
