package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds ingress from the internet that a change opens: rules present after the change and not before, on security
 * groups ({@code ingress} blocks), {@code aws:ec2/securityGroupRule} and {@code aws:vpc/securityGroupIngressRule}.
 * Only the load balancer may take TCP 80 and 443 from the internet; any other opening is forbidden.
 */
public final class InternetIngress {

    /** The component type of the platform's load balancer; its security group is the one allowed 80/443. */
    public static final String LOAD_BALANCER_TYPE = "quest:service:LoadBalancer";
    private static final Pattern LOAD_BALANCER_NAME = Pattern.compile("(^|[-_])(alb|lb|load-?balancer)([-_]|$)");

    private InternetIngress() {
    }

    /** The internet rules the change opens that are not the load balancer's 80/443, each a reason to block. */
    public static List<IngressRule> forbiddenOpenings(ResourceChange change) {
        if (!change.operation().changesCloud() || change.operation() == Operation.DELETE) {
            return List.of();
        }
        Set<IngressRule> after = rules(change.type(), change.newInputs());
        after.removeAll(rules(change.type(), change.oldInputs()));
        boolean loadBalancer = belongsToLoadBalancer(change.urn());
        List<IngressRule> forbidden = new ArrayList<>();
        for (IngressRule rule : after) {
            if (rule.fromInternet() && !(loadBalancer && rule.isWebListenerPort())) {
                forbidden.add(rule);
            }
        }
        return forbidden;
    }

    /** Whether the resource is the load balancer's: under the load balancer component, or named as one. */
    static boolean belongsToLoadBalancer(Urn urn) {
        return urn.hasAncestorType(LOAD_BALANCER_TYPE)
                || LOAD_BALANCER_NAME.matcher(urn.name().toLowerCase(Locale.ROOT)).find();
    }

    static Set<IngressRule> rules(String type, JsonNode inputs) {
        Set<IngressRule> rules = new LinkedHashSet<>();
        if (inputs == null || !inputs.isObject()) {
            return rules;
        }
        switch (type) {
            case "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" ->
                    inputs.path("ingress").forEach(block -> addBlock(rules, block));
            case "aws:ec2/securityGroupRule:SecurityGroupRule" -> {
                if (inputs.path("type").asText().equals("ingress")) {
                    addBlock(rules, inputs);
                }
            }
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" -> {
                String protocol = inputs.path("ipProtocol").asText("-1").toLowerCase(Locale.ROOT);
                int from = inputs.path("fromPort").asInt(0);
                int to = inputs.path("toPort").asInt(from);
                for (String field : List.of("cidrIpv4", "cidrIpv6")) {
                    if (inputs.path(field).isTextual()) {
                        rules.add(new IngressRule(protocol, from, to, inputs.get(field).asText()));
                    }
                }
            }
            default -> {
                // not a network permission
            }
        }
        return rules;
    }

    private static void addBlock(Set<IngressRule> rules, JsonNode block) {
        String protocol = block.path("protocol").asText("-1").toLowerCase(Locale.ROOT);
        int from = block.path("fromPort").asInt(0);
        int to = block.path("toPort").asInt(from);
        for (String field : List.of("cidrBlocks", "ipv6CidrBlocks")) {
            block.path(field).forEach(cidr -> rules.add(new IngressRule(protocol, from, to, cidr.asText())));
        }
    }
}
