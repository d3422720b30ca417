package io.quest.platform.config;

import io.quest.platform.network.InterfaceEndpoint;
import io.quest.platform.network.Ipv4Cidr;
import io.quest.platform.network.NatGateways;
import io.quest.platform.network.SubnetPlan;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and validates {@code quest-platform:network}. */
final class NetworkSettings {

    private NetworkSettings() {
    }

    static NetworkConfig read(Settings ns, String region, boolean production) {
        Settings s = ns.object("network");
        Optional<String> fromStack = s.optionalString("fromStack");
        if (fromStack.isPresent()) {
            if (!fromStack.get().matches("[^/\\s]+/[^/\\s]+/[^/\\s]+")) {
                s.reject("fromStack", fromStack.get(), "is not a fully qualified stack name; expected <organization>/<project>/<stack>");
            }
            s.rejectUnknown();
            return new NetworkConfig(fromStack, null, List.of(), NatGateways.NONE, Set.of(), 1);
        }

        Ipv4Cidr cidr = readCidr(s);
        List<String> zones = readZones(s, region, production);
        NatGateways nat = s.choice("natGateways", NatGateways.class, production ? NatGateways.PER_AZ : NatGateways.INSTANCE);
        Set<InterfaceEndpoint> endpoints = EnumSet.noneOf(InterfaceEndpoint.class);
        for (String e : s.strings("interfaceEndpoints", List.of())) {
            Optional<InterfaceEndpoint> match = EnumSet.allOf(InterfaceEndpoint.class).stream()
                    .filter(x -> x.configValue().equalsIgnoreCase(e.trim())).findFirst();
            if (match.isPresent()) {
                endpoints.add(match.get());
            } else {
                s.reject("interfaceEndpoints", e, "is not an interface endpoint Quest Platform knows; expected any of "
                        + Settings.choices(InterfaceEndpoint.class));
            }
        }
        if (nat == NatGateways.NONE && !endpoints.containsAll(InterfaceEndpoint.requiredWithoutNat())) {
            Set<InterfaceEndpoint> missing = EnumSet.copyOf(InterfaceEndpoint.requiredWithoutNat());
            missing.removeAll(endpoints);
            s.problem("natGateways", "\"none\" leaves tasks unable to pull images or ship logs without the interface endpoints "
                    + missing.stream().map(InterfaceEndpoint::configValue).toList()
                    + "; add them to " + s.key("interfaceEndpoints") + " or choose instance, single or per-az");
        }
        int retention = LogRetention.read(s, "flowLogRetentionDays", production ? 365 : 90);
        s.rejectUnknown();
        return new NetworkConfig(Optional.empty(), cidr, zones, nat, endpoints, retention);
    }

    private static Ipv4Cidr readCidr(Settings s) {
        if (!s.has("cidr")) {
            s.problem("cidr", "is required: the VPC's IPv4 range, /" + SubnetPlan.MIN_VPC_PREFIX + " to /"
                    + SubnetPlan.MAX_VPC_PREFIX + " inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, not overlapping another stack's");
            return null;
        }
        String text = s.string("cidr", "");
        Ipv4Cidr cidr;
        try {
            cidr = Ipv4Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().equals("host bits are set")) {
                s.reject("cidr", text, "is not a network address; did you mean " + Ipv4Cidr.networkOf(text) + "?");
            } else {
                s.reject("cidr", text, "is not an IPv4 CIDR; expected a.b.c.d/n, for example 10.10.0.0/16");
            }
            return null;
        }
        if (cidr.prefix() < SubnetPlan.MIN_VPC_PREFIX || cidr.prefix() > SubnetPlan.MAX_VPC_PREFIX) {
            s.reject("cidr", text, "is a /" + cidr.prefix() + "; a VPC range must be /" + SubnetPlan.MIN_VPC_PREFIX
                    + " (largest AWS allows) to /" + SubnetPlan.MAX_VPC_PREFIX + " (smallest that still fits /28 public subnets)");
            return null;
        }
        if (!cidr.isRfc1918()) {
            s.reject("cidr", text, "is not a private range; expected a range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918)");
            return null;
        }
        return cidr;
    }

    private static List<String> readZones(Settings s, String region, boolean production) {
        Optional<List<String>> known = Regions.zones(region);
        if (s.isList("availabilityZones")) {
            List<String> named = s.strings("availabilityZones", List.of());
            for (String az : named) {
                if (!az.startsWith(region) || !az.substring(region.length()).matches("[a-z]")) {
                    s.reject("availabilityZones", az, "is not an availability zone of " + region + "; expected names like " + region + "a");
                } else if (known.isPresent() && !known.get().contains(az)) {
                    s.reject("availabilityZones", az, "is not an availability zone of " + region + "; expected any of " + known.get());
                }
            }
            if (named.isEmpty() || named.size() > SubnetPlan.MAX_AZS) {
                s.reject("availabilityZones", named.toString(), "names " + named.size() + " zones; expected 1 to " + SubnetPlan.MAX_AZS);
            }
            if (named.stream().distinct().count() != named.size()) {
                s.reject("availabilityZones", named.toString(), "names a zone twice");
            }
            return named;
        }
        int wanted = production ? 3 : 2;
        if (known.isEmpty() && !Regions.exists(region)) {
            s.allow("availabilityZones");
            return List.of();
        }
        if (known.isEmpty()) {
            s.problem("availabilityZones", "is required in region " + region
                    + ", whose zones Quest Platform does not know; name them, e.g. [" + region + "a, " + region + "b]");
            return List.of();
        }
        int count = s.integer("availabilityZones", wanted, 1, SubnetPlan.MAX_AZS);
        if (count > known.get().size()) {
            s.reject("availabilityZones", count, "is more zones than " + region + " has; expected at most " + known.get().size());
            count = known.get().size();
        }
        return known.get().subList(0, count);
    }
}
