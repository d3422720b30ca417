package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.plan.PlannedResource;
import io.quest.platform.plan.StackPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nothing is open to the internet but a load balancer's 80 and 443. */
public final class OpenIngressRule implements PolicyRule {

    private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");

    @Override
    public String id() {
        return "open-ingress";
    }

    @Override
    public List<Finding> check(StackPlan plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedResource sg : plan.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            if (sg.input("ingress") instanceof List<?> rules) {
                for (Object rule : rules) {
                    if (rule instanceof Map<?, ?> r && opensToInternet(r) && !webPorts(r)) {
                        findings.add(new Finding(id(), Severity.high, sg.urn(), "security group " + sg.name()
                                + " admits " + ports(r) + " from the internet; only a load balancer's 80 and 443 may be"));
                    }
                }
            }
        }
        for (PlannedResource rule : plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
            Map<String, Object> r = rule.inputs();
            boolean anywhere = ANYWHERE.contains(String.valueOf(r.get("cidrIpv4"))) || ANYWHERE.contains(String.valueOf(r.get("cidrIpv6")));
            Object from = r.get("fromPort");
            Object to = r.get("toPort");
            boolean web = from != null && from.equals(to) && (from.equals(80L) || from.equals(443L));
            if (anywhere && !web) {
                findings.add(new Finding(id(), Severity.high, rule.urn(), "ingress rule " + rule.name()
                        + " admits ports " + from + "-" + to + " from the internet; only a load balancer's 80 and 443 may be"));
            }
        }
        return findings;
    }

    private static boolean opensToInternet(Map<?, ?> rule) {
        return listed(rule.get("cidrBlocks")) || listed(rule.get("ipv6CidrBlocks"));
    }

    private static boolean listed(Object blocks) {
        return blocks instanceof List<?> l && l.stream().anyMatch(b -> ANYWHERE.contains(String.valueOf(b)));
    }

    private static boolean webPorts(Map<?, ?> rule) {
        Object from = rule.get("fromPort");
        Object to = rule.get("toPort");
        return from != null && from.equals(to) && (from.equals(80L) || from.equals(443L)) && "tcp".equals(rule.get("protocol"));
    }

    private static String ports(Map<?, ?> rule) {
        return rule.get("protocol") + " " + rule.get("fromPort") + "-" + rule.get("toPort");
    }
}
