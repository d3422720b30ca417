package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Nothing is open to the internet but a load balancer's TCP 80 and 443. Reads every way the AWS provider opens
 * a security group: the inline {@code ingress} of a {@code SecurityGroup} or {@code DefaultSecurityGroup}, an
 * {@code ec2.SecurityGroupRule} of type {@code ingress}, and a {@code vpc.SecurityGroupIngressRule}. Only TCP
 * ({@code tcp} or {@code 6}) on exactly port 80 or 443 is exempt: with protocol {@code -1}, or a number other
 * than tcp, udp, icmp and icmpv6, AWS "allows traffic on all ports, regardless of any port range you specify"
 * (EC2 API reference, IpPermission.IpProtocol,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html, read 2026-12-02).
 */
public final class OpenIngressRule implements PolicyRule {

    private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");
    private static final Set<String> INLINE = Set.of("aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
    private static final Set<String> PORTED = Set.of("tcp", "udp", "icmp", "icmpv6", "6", "17", "1", "58");

    @Override
    public String id() {
        return "open-ingress";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedResource sg : plan.resources()) {
            if (INLINE.contains(sg.type()) && sg.input("ingress") instanceof List<?> rules) {
                for (Object rule : rules) {
                    if (rule instanceof Map<?, ?> r && (listed(r.get("cidrBlocks")) || listed(r.get("ipv6CidrBlocks")))) {
                        open(findings, sg, "security group", r.get("protocol"), r.get("fromPort"), r.get("toPort"));
                    }
                }
            }
        }
        for (PlannedResource rule : plan.ofType("aws:ec2/securityGroupRule:SecurityGroupRule")) {
            if ("ingress".equals(rule.input("type")) && (listed(rule.input("cidrBlocks")) || listed(rule.input("ipv6CidrBlocks")))) {
                open(findings, rule, "security group rule", rule.input("protocol"), rule.input("fromPort"), rule.input("toPort"));
            }
        }
        for (PlannedResource rule : plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
            if (ANYWHERE.contains(String.valueOf(rule.input("cidrIpv4"))) || ANYWHERE.contains(String.valueOf(rule.input("cidrIpv6")))) {
                open(findings, rule, "ingress rule", rule.input("ipProtocol"), rule.input("fromPort"), rule.input("toPort"));
            }
        }
        return findings;
    }

    /** Adds a finding for an opening to the internet unless it is TCP on exactly 80 or 443. */
    private void open(List<Finding> findings, PlannedResource r, String what, Object protocol, Object from, Object to) {
        String proto = String.valueOf(protocol).toLowerCase(Locale.ROOT);
        boolean tcp = proto.equals("tcp") || proto.equals("6");
        if (tcp && port(from) == port(to) && (port(from) == 80 || port(from) == 443)) {
            return;
        }
        String traffic = PORTED.contains(proto) ? proto + " " + from + "-" + to : "every protocol and port (protocol " + protocol + ")";
        findings.add(new Finding(id(), Severity.high, r.urn(), what + " " + r.name() + " admits " + traffic
                + " from the internet; only a load balancer's TCP 80 and 443 may be"));
    }

    private static long port(Object value) {
        return value instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    }

    private static boolean listed(Object blocks) {
        return blocks instanceof List<?> l && l.stream().anyMatch(b -> ANYWHERE.contains(String.valueOf(b)));
    }
}
