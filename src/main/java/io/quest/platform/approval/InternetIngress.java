package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds ingress from the internet (see {@link Internet}) that a change opens: traffic its rules let in after the
 * change and not before, on security groups ({@code ingress} blocks), {@code aws:ec2/securityGroupRule} and
 * {@code aws:vpc/securityGroupIngressRule}. Standalone rules on the same security group are also taken together, so
 * an opening split over two rules is seen. Only the load balancer may take TCP 80 and 443 from the internet.
 */
public final class InternetIngress {

    /** The component type of the platform's load balancer; its security group is the one allowed 80/443. */
    public static final String LOAD_BALANCER_TYPE = "quest:service:LoadBalancer";
    private static final Pattern LOAD_BALANCER_NAME = Pattern.compile("(^|[-_])(alb|lb|load-?balancer)([-_]|$)");
    /** What the engine writes for a value not known until apply ({@code plugin.UnknownStringValue}). */
    static final String UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private static final String VPC_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    private InternetIngress() {
    }

    /** The internet openings the change makes on its own that are not the load balancer's 80/443, each a reason to block. */
    public static List<IngressOpening> forbiddenOpenings(ResourceChange change) {
        if (!change.operation().changesCloud() || change.operation() == Operation.DELETE) {
            return List.of();
        }
        return PortOpenings.of(rules(change.type(), change.oldInputs()), rules(change.type(), change.newInputs()),
                belongsToLoadBalancer(change.urn()));
    }

    /**
     * Openings that standalone rules on one security group make only together, by the URN of each rule that takes part.
     * Rules whose group is not known until apply, and the load balancer's, are not joined with others.
     */
    public static Map<String, List<Reason>> jointOpenings(List<ResourceChange> changes) {
        Map<String, List<ResourceChange>> groups = new LinkedHashMap<>();
        for (ResourceChange change : changes) {
            if (!change.type().equals(SG_RULE) && !change.type().equals(VPC_INGRESS_RULE) || belongsToLoadBalancer(change.urn())) {
                continue;
            }
            JsonNode inputs = change.operation() == Operation.DELETE ? change.oldInputs() : change.newInputs();
            String group = inputs.path("securityGroupId").asText("");
            if (!group.isEmpty() && !group.equals(UNKNOWN_VALUE)) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(change);
            }
        }
        Map<String, List<Reason>> reasons = new LinkedHashMap<>();
        groups.forEach((group, members) -> {
            if (members.size() < 2) {
                return;
            }
            Set<IngressRule> before = new LinkedHashSet<>();
            Set<IngressRule> after = new LinkedHashSet<>();
            for (ResourceChange member : members) {
                before.addAll(rules(member.type(), member.operation() == Operation.CREATE ? null : member.oldInputs()));
                if (member.operation() != Operation.DELETE) {
                    after.addAll(rules(member.type(), member.newInputs()));
                }
            }
            for (IngressOpening opening : PortOpenings.of(before, after, false)) {
                List<String> names = new ArrayList<>();
                List<ResourceChange> taking = new ArrayList<>();
                for (ResourceChange member : members) {
                    boolean takesPart = member.operation() != Operation.DELETE && rules(member.type(), member.newInputs())
                            .stream().anyMatch(r -> opening.sources().contains(r.cidr()));
                    if (takesPart) {
                        names.add("`" + member.name() + "`");
                        if (member.operation().changesCloud() && forbiddenOpenings(member).isEmpty()) {
                            taking.add(member);
                        }
                    }
                }
                for (ResourceChange member : taking) {
                    reasons.computeIfAbsent(member.urn().value(), u -> new ArrayList<>()).add(Reason.blocked(
                            "opens " + opening.describe() + " on security group " + group + " together with "
                                    + String.join(", ", names) + "; only the load balancer may take TCP 80/443 from the internet"));
                }
            }
        });
        return reasons;
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
            case SG_RULE -> {
                if (inputs.path("type").asText().equals("ingress")) {
                    addBlock(rules, inputs);
                }
            }
            case VPC_INGRESS_RULE -> {
                String protocol = inputs.path("ipProtocol").asText("-1");
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
        String protocol = block.path("protocol").asText("-1");
        int from = block.path("fromPort").asInt(0);
        int to = block.path("toPort").asInt(from);
        for (String field : List.of("cidrBlocks", "ipv6CidrBlocks")) {
            block.path(field).forEach(cidr -> rules.add(new IngressRule(protocol, from, to, cidr.asText())));
        }
    }
}
