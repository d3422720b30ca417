package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds network ACL rules that open a remote administration port to the internet (see {@link Internet}). Network ACLs
 * are evaluated as AWS does: entries in rule-number order, the first that matches decides, so an earlier deny closes
 * what a later allow opens. The entries of one ACL are taken together: the {@code ingress} blocks of an
 * {@code aws:ec2/networkAcl} or {@code aws:ec2/defaultNetworkAcl}, and every {@code aws:ec2/networkAclRule} of the same
 * {@code networkAclId} in the preview.
 * <p>
 * An opening by an entry that allows only the ephemeral return range (from 1024 or above up to 65535, which stateless
 * ACLs need for replies) needs approval; any other opening is blocked.
 */
public final class NetworkAcls {

    /** Remote administration ports: SSH, telnet, RDP, WinRM over HTTP and HTTPS. */
    static final Map<Integer, String> ADMIN_PORTS = Map.of(22, "SSH", 23, "telnet", 3389, "RDP", 5985, "WinRM", 5986, "WinRM");
    private static final String ACL = "aws:ec2/networkAcl:NetworkAcl";
    private static final String DEFAULT_ACL = "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl";
    private static final String ACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";

    private record Entry(int ruleNo, boolean allow, IngressRule rule) {
    }

    private NetworkAcls() {
    }

    /** The reasons by URN for every ACL change in the preview that opens an administration port to the internet. */
    public static Map<String, List<Reason>> openings(List<ResourceChange> changes) {
        Map<String, List<ResourceChange>> acls = new LinkedHashMap<>();
        for (ResourceChange change : changes) {
            if (change.type().equals(ACL) || change.type().equals(DEFAULT_ACL)) {
                acls.put(change.urn().value(), List.of(change));
            } else if (change.type().equals(ACL_RULE)) {
                JsonNode inputs = change.operation() == Operation.DELETE ? change.oldInputs() : change.newInputs();
                String acl = inputs.path("networkAclId").asText("");
                String key = acl.isEmpty() || acl.equals(InternetIngress.UNKNOWN_VALUE) ? change.urn().value() : acl;
                acls.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
            }
        }
        Map<String, List<Reason>> reasons = new LinkedHashMap<>();
        acls.forEach((acl, members) -> {
            List<Entry> before = new ArrayList<>();
            List<Entry> after = new ArrayList<>();
            for (ResourceChange member : members) {
                if (member.operation() != Operation.CREATE) {
                    before.addAll(entries(member.type(), member.oldInputs()));
                }
                if (member.operation() != Operation.DELETE) {
                    after.addAll(entries(member.type(), member.newInputs()));
                }
            }
            for (int port : new TreeSet<>(ADMIN_PORTS.keySet())) {
                List<Entry> allowing = allowing(after, port);
                if (allowing.isEmpty() || !allowing(before, port).isEmpty()) {
                    continue;
                }
                boolean returnTraffic = allowing.stream().allMatch(e -> e.rule().fromPort() >= 1024 && e.rule().toPort() == IngressRule.MAX_PORT
                        && !e.rule().protocol().equals("-1"));
                List<String> sources = allowing.stream().map(e -> e.rule().cidr()).distinct().sorted().toList();
                for (ResourceChange member : members) {
                    boolean takesPart = member.operation().changesCloud() && member.operation() != Operation.DELETE
                            && entries(member.type(), member.newInputs()).stream().anyMatch(allowing::contains);
                    if (!takesPart) {
                        continue;
                    }
                    String what = "opens tcp " + port + " (" + ADMIN_PORTS.get(port) + ") from " + String.join(" + ", sources)
                            + " in network ACL " + (members.size() > 1 ? acl : "`" + member.name() + "`");
                    Reason reason = returnTraffic
                            ? Reason.needsApproval(what + " through the return-traffic range "
                            + allowing.get(0).rule().fromPort() + "-" + IngressRule.MAX_PORT
                            + "; check that security groups keep " + ADMIN_PORTS.get(port) + " closed")
                            : Reason.blocked(what + "; remote administration must not be reachable from the internet");
                    reasons.computeIfAbsent(member.urn().value(), u -> new ArrayList<>()).add(reason);
                }
            }
        });
        return reasons;
    }

    /**
     * The allow entries through which the internet reaches the TCP port, in rule order after earlier denies: those that
     * reach a public address, when all allowed sources together are the internet.
     */
    private static List<Entry> allowing(List<Entry> entries, int port) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::ruleNo));
        Map<AddressSet.Family, AddressSet> denied = new LinkedHashMap<>();
        Map<AddressSet.Family, AddressSet> allowed = new LinkedHashMap<>();
        List<Entry> through = new ArrayList<>();
        for (Entry entry : sorted) {
            Optional<AddressSet> source = AddressSet.parse(entry.rule().cidr());
            if (source.isEmpty() || !entry.rule().covers("tcp", port, port)) {
                continue;
            }
            AddressSet.Family family = source.get().family();
            AddressSet before = denied.getOrDefault(family, AddressSet.empty(family));
            if (entry.allow()) {
                AddressSet reaches = source.get().minus(before);
                allowed.merge(family, reaches, AddressSet::union);
                if (Internet.holdsPublicAddresses(reaches)) {
                    // An entry that reaches only private addresses (the VPC's own range) takes no part in an opening.
                    through.add(entry);
                }
            } else {
                denied.put(family, before.union(source.get()));
            }
        }
        boolean internet = allowed.values().stream().anyMatch(Internet::reaches);
        return internet ? through : List.of();
    }

    private static List<Entry> entries(String type, JsonNode inputs) {
        List<Entry> entries = new ArrayList<>();
        if (inputs == null || !inputs.isObject()) {
            return entries;
        }
        if (type.equals(ACL_RULE)) {
            if (!inputs.path("egress").asBoolean(false)) {
                add(entries, inputs, "ruleNumber", "ruleAction");
            }
        } else {
            inputs.path("ingress").forEach(block -> add(entries, block, "ruleNo", "action"));
        }
        return entries;
    }

    private static void add(List<Entry> entries, JsonNode node, String numberField, String actionField) {
        boolean allow = node.path(actionField).asText("").equalsIgnoreCase("allow");
        int number = node.path(numberField).asInt(Integer.MAX_VALUE);
        String protocol = node.path("protocol").asText("-1");
        int from = node.path("fromPort").asInt(0);
        int to = node.path("toPort").asInt(from);
        for (String field : List.of("cidrBlock", "ipv6CidrBlock")) {
            if (node.path(field).isTextual() && !node.path(field).asText().isEmpty()) {
                entries.add(new Entry(number, allow, new IngressRule(protocol, from, to, node.path(field).asText())));
            }
        }
    }
}
