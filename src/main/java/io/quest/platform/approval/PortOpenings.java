package io.quest.platform.approval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which traffic a set of allow rules lets in from the internet that the rules before did not: per protocol, the port
 * range is cut at every rule's edges, and for each piece the sources of every rule that allows the whole piece are
 * taken together (so two rules that each open half of the internet on port 22 open port 22 to the internet).
 */
final class PortOpenings {

    private PortOpenings() {
    }

    /**
     * The openings, all traffic first, then per protocol in port order.
     *
     * @param loadBalancer whether the rules are the load balancer's, which may take TCP 80 and 443 from the internet
     */
    static List<IngressOpening> of(Collection<IngressRule> before, Collection<IngressRule> after, boolean loadBalancer) {
        List<IngressOpening> openings = new ArrayList<>();
        for (AddressSet.Family family : AddressSet.Family.values()) {
            openings.addAll(ofFamily(only(before, family), only(after, family), loadBalancer));
        }
        return openings;
    }

    /** The rules whose source is of the family and holds public addresses (a private range cannot add to an opening). */
    private static List<IngressRule> only(Collection<IngressRule> rules, AddressSet.Family family) {
        return rules.stream().filter(r -> AddressSet.parse(r.cidr())
                .filter(set -> set.family() == family && Internet.holdsPublicAddresses(set)).isPresent()).toList();
    }

    private static List<IngressOpening> ofFamily(Collection<IngressRule> before, Collection<IngressRule> after,
                                                 boolean loadBalancer) {
        List<IngressOpening> openings = new ArrayList<>();
        List<String> allAfter = sources(after, "-1", 0, IngressRule.MAX_PORT, true);
        boolean allTraffic = Internet.reaches(allAfter);
        if (allTraffic && !Internet.reaches(sources(before, "-1", 0, IngressRule.MAX_PORT, true))) {
            openings.add(new IngressOpening("-1", 0, IngressRule.MAX_PORT, allAfter));
        }
        if (allTraffic) {
            // Every protocol and port is reachable already: either opened above, or open before too.
            return openings;
        }
        Set<String> protocols = new TreeSet<>();
        after.forEach(r -> protocols.add(r.protocol()));
        protocols.remove("-1");
        for (String protocol : protocols) {
            TreeSet<Integer> edges = new TreeSet<>(List.of(0, IngressRule.MAX_PORT + 1));
            for (IngressRule rule : after) {
                if (rule.protocol().equals(protocol)) {
                    edges.add(rule.fromPort());
                    edges.add(rule.toPort() + 1);
                }
            }
            for (IngressRule rule : before) {
                if (rule.protocol().equals(protocol)) {
                    edges.add(rule.fromPort());
                    edges.add(rule.toPort() + 1);
                }
            }
            IngressOpening pending = null;
            Integer previous = null;
            for (int edge : edges) {
                if (previous != null) {
                    IngressOpening piece = piece(before, after, protocol, previous, edge - 1, loadBalancer);
                    if (pending != null && (piece == null || !piece.sources().equals(pending.sources()))) {
                        openings.add(pending);
                        pending = null;
                    }
                    if (piece != null) {
                        pending = pending == null ? piece
                                : new IngressOpening(protocol, pending.fromPort(), piece.toPort(), pending.sources());
                    }
                }
                previous = edge;
            }
            if (pending != null) {
                openings.add(pending);
            }
        }
        return openings;
    }

    private static IngressOpening piece(Collection<IngressRule> before, Collection<IngressRule> after, String protocol,
                                        int from, int to, boolean loadBalancer) {
        List<String> now = sources(after, protocol, from, to, false);
        if (!Internet.reaches(now) || Internet.reaches(sources(before, protocol, from, to, false))) {
            return null;
        }
        if (loadBalancer && protocol.equals("tcp") && from == to && (from == 80 || from == 443)) {
            return null;
        }
        return new IngressOpening(protocol, from, to, now);
    }

    /** The sources of the rules that allow the protocol on every port of the range (only exact-protocol rules if asked). */
    private static List<String> sources(Collection<IngressRule> rules, String protocol, int from, int to, boolean exact) {
        Set<String> sources = new TreeSet<>();
        for (IngressRule rule : rules) {
            boolean matches = exact ? rule.protocol().equals(protocol) && (protocol.equals("-1") || rule.fromPort() <= from && rule.toPort() >= to)
                    : rule.covers(protocol, from, to);
            if (matches) {
                sources.add(rule.cidr());
            }
        }
        return List.copyOf(sources);
    }
}
