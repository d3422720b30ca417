package io.quest.platform.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkAclsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "aws:ec2/networkAclRule:NetworkAclRule";

    private static ResourceChange rule(Operation op, String name, int number, String action, String protocol, int from, int to,
                                       String cidr) {
        Map<String, Object> inputs = Map.of("networkAclId", "acl-0a1b2c3d4e5f60718", "ruleNumber", number, "ruleAction", action,
                "protocol", protocol, "fromPort", from, "toPort", to, "cidrBlock", cidr, "egress", false);
        Urn urn = Urn.parse("urn:pulumi:dev::quest-platform::" + RULE + "::" + name);
        return new ResourceChange(op, urn, RULE, false, op == Operation.CREATE ? null : JSON.valueToTree(inputs),
                JSON.valueToTree(inputs), List.of(), List.of());
    }

    private static List<Reason> reasonsOf(List<ResourceChange> changes, String name) {
        return NetworkAcls.openings(changes).getOrDefault("urn:pulumi:dev::quest-platform::" + RULE + "::" + name, List.of());
    }

    @Test
    void allTrafficFromTheInternetOpensEveryAdministrationPort() {
        List<ResourceChange> changes = List.of(rule(Operation.CREATE, "all", 100, "allow", "-1", 0, 0, "0.0.0.0/0"));

        assertThat(reasonsOf(changes, "all")).extracting(Reason::text).containsExactly(
                "opens tcp 22 (SSH) from 0.0.0.0/0 in network ACL `all`; remote administration must not be reachable from the internet",
                "opens tcp 23 (telnet) from 0.0.0.0/0 in network ACL `all`; remote administration must not be reachable from the internet",
                "opens tcp 3389 (RDP) from 0.0.0.0/0 in network ACL `all`; remote administration must not be reachable from the internet",
                "opens tcp 5985 (WinRM) from 0.0.0.0/0 in network ACL `all`; remote administration must not be reachable from the internet",
                "opens tcp 5986 (WinRM) from 0.0.0.0/0 in network ACL `all`; remote administration must not be reachable from the internet");
    }

    @Test
    void anEarlierDenyOfTheSameAclClosesWhatALaterAllowOpens() {
        List<ResourceChange> changes = List.of(
                rule(Operation.CREATE, "deny-ssh", 90, "deny", "tcp", 22, 22, "0.0.0.0/0"),
                rule(Operation.CREATE, "web", 100, "allow", "tcp", 0, 1023, "0.0.0.0/0"));

        assertThat(reasonsOf(changes, "web")).extracting(Reason::text).containsExactly(
                "opens tcp 23 (telnet) from 0.0.0.0/0 in network ACL acl-0a1b2c3d4e5f60718;"
                        + " remote administration must not be reachable from the internet");
        assertThat(reasonsOf(changes, "deny-ssh")).isEmpty();
    }

    @Test
    void aLaterDenyDoesNotCloseAnEarlierAllow() {
        List<ResourceChange> changes = List.of(
                rule(Operation.CREATE, "ssh", 100, "allow", "tcp", 22, 22, "0.0.0.0/0"),
                rule(Operation.CREATE, "deny-ssh", 200, "deny", "tcp", 22, 22, "0.0.0.0/0"));

        assertThat(reasonsOf(changes, "ssh")).extracting(Reason::decision).containsExactly(Decision.BLOCKED);
    }

    @Test
    void theReturnTrafficRangeNeedsApprovalNotABlock() {
        List<ResourceChange> changes = List.of(rule(Operation.CREATE, "ephemeral", 140, "allow", "tcp", 1024, 65535, "0.0.0.0/0"));

        List<Reason> reasons = reasonsOf(changes, "ephemeral");
        assertThat(reasons).hasSize(3).allSatisfy(r -> assertThat(r.decision()).isEqualTo(Decision.NEEDS_APPROVAL));
        assertThat(reasons.get(0).text()).isEqualTo("opens tcp 3389 (RDP) from 0.0.0.0/0 in network ACL `ephemeral` through the"
                + " return-traffic range 1024-65535; check that security groups keep RDP closed");
    }

    @Test
    void halvesOfTheInternetInTwoRulesOfOneAclAreTheInternet() {
        List<ResourceChange> changes = List.of(
                rule(Operation.CREATE, "low", 100, "allow", "6", 22, 22, "52.0.0.0/9"),
                rule(Operation.CREATE, "high", 110, "allow", "6", 22, 22, "52.128.0.0/9"));

        assertThat(reasonsOf(changes, "low")).extracting(Reason::text).containsExactly(
                "opens tcp 22 (SSH) from 52.0.0.0/9 + 52.128.0.0/9 in network ACL acl-0a1b2c3d4e5f60718;"
                        + " remote administration must not be reachable from the internet");
        assertThat(reasonsOf(changes, "high")).hasSize(1);
        assertThat(reasonsOf(List.of(changes.get(0)), "low")).isEmpty();
    }

    @Test
    void sshFromTheVpcOrAnAlreadyOpenPortIsNotAnOpening() {
        assertThat(NetworkAcls.openings(List.of(rule(Operation.CREATE, "vpc", 100, "allow", "tcp", 22, 22, "10.10.0.0/16")))).isEmpty();
        assertThat(NetworkAcls.openings(List.of(rule(Operation.UPDATE, "ssh", 100, "allow", "tcp", 22, 22, "0.0.0.0/0")))).isEmpty();
    }

    @Test
    void theVpcsOwnRangeTakesNoPartInAnInternetOpening() {
        // The adopted default ACL's shape: everything from the VPC, the return range from anywhere. The VPC's entry reaches
        // no public address, so it neither makes the return range a block nor shows among the sources.
        List<ResourceChange> changes = List.of(
                rule(Operation.CREATE, "vpc", 100, "allow", "-1", 0, 0, "10.10.0.0/16"),
                rule(Operation.CREATE, "ephemeral", 140, "allow", "tcp", 1024, 65535, "0.0.0.0/0"));

        List<Reason> reasons = reasonsOf(changes, "ephemeral");
        assertThat(reasons).hasSize(3).allSatisfy(r -> assertThat(r.decision()).isEqualTo(Decision.NEEDS_APPROVAL));
        assertThat(reasons.get(0).text()).isEqualTo("opens tcp 3389 (RDP) from 0.0.0.0/0 in network ACL acl-0a1b2c3d4e5f60718"
                + " through the return-traffic range 1024-65535; check that security groups keep RDP closed");
        assertThat(reasonsOf(changes, "vpc")).isEmpty();
    }
}
