package io.quest.platform.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Standalone ingress rules on one security group are judged together. */
class JointIngressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    private static ResourceChange rule(String name, String group, String cidr, int port) {
        Map<String, Object> inputs = Map.of("securityGroupId", group, "cidrIpv4", cidr, "ipProtocol", "tcp",
                "fromPort", port, "toPort", port);
        Urn urn = Urn.parse("urn:pulumi:dev::quest-platform::" + TYPE + "::" + name);
        return new ResourceChange(Operation.CREATE, urn, TYPE, false, null, JSON.valueToTree(inputs), List.of(), List.of());
    }

    @Test
    void twoRulesThatEachOpenLessThanTheInternetOpenItTogether() {
        List<ResourceChange> changes = List.of(rule("ssh-a", "sg-0123", "52.0.0.0/9", 22), rule("ssh-b", "sg-0123", "52.128.0.0/9", 22));

        Map<String, List<Reason>> reasons = InternetIngress.jointOpenings(changes);

        assertThat(InternetIngress.forbiddenOpenings(changes.get(0))).isEmpty();
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(changes.get(0).urn().value())).extracting(Reason::text).containsExactly(
                "opens tcp 22 from 52.0.0.0/9 + 52.128.0.0/9 on security group sg-0123 together with `ssh-a`, `ssh-b`;"
                        + " only the load balancer may take TCP 80/443 from the internet");
        GateReport report = GateTestSupport.review(new Preview(PreviewSource.PREVIEW_JSON, changes, List.of(), Map.of(),
                java.util.Optional.empty()));
        assertThat(report.exitCode()).isEqualTo(3);
    }

    @Test
    void rulesOnDifferentGroupsOrWithAGroupNotYetKnownAreNotJoined() {
        assertThat(InternetIngress.jointOpenings(List.of(rule("a", "sg-1", "52.0.0.0/9", 22), rule("b", "sg-2", "52.128.0.0/9", 22))))
                .isEmpty();
        assertThat(InternetIngress.jointOpenings(List.of(rule("a", InternetIngress.UNKNOWN_VALUE, "52.0.0.0/9", 22),
                rule("b", InternetIngress.UNKNOWN_VALUE, "52.128.0.0/9", 22)))).isEmpty();
        assertThat(InternetIngress.jointOpenings(List.of(rule("a", "sg-1", "52.0.0.0/9", 22), rule("b", "sg-1", "52.128.0.0/9", 23))))
                .isEmpty();
    }
}
