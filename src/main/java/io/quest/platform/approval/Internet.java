package io.quest.platform.approval;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether a set of source ranges is "the internet": taken together they hold at least a /8 of public IPv4 addresses
 * or a /32 of public IPv6 addresses. So {@code 0.0.0.0/0}, {@code ::/0}, either split in pieces ({@code 0.0.0.0/1} +
 * {@code 128.0.0.0/1}), {@code 2000::/3} or most of the address space all count, while a VPC's private range, an
 * office's /24 or a partner's /48 do not. Public means not private, shared, loopback, link-local, documentation,
 * benchmarking or multicast (RFC 6890): for IPv6, the global unicast block {@code 2000::/3} without the
 * documentation block.
 */
public final class Internet {

    private static final AddressSet PUBLIC_IPV4 = minusAll(AddressSet.of("0.0.0.0/0"), List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/3"));
    private static final AddressSet PUBLIC_IPV6 = minusAll(AddressSet.of("2000::/3"), List.of("2001:db8::/32"));
    private static final BigInteger IPV4_THRESHOLD = BigInteger.ONE.shiftLeft(24);
    private static final BigInteger IPV6_THRESHOLD = BigInteger.ONE.shiftLeft(96);

    private Internet() {
    }

    /** Whether the source ranges together are the internet; texts that are not CIDR blocks are left out. */
    public static boolean reaches(Collection<String> cidrs) {
        AddressSet v4 = AddressSet.empty(AddressSet.Family.IPV4);
        AddressSet v6 = AddressSet.empty(AddressSet.Family.IPV6);
        for (String cidr : cidrs) {
            Optional<AddressSet> set = AddressSet.parse(cidr);
            if (set.isEmpty()) {
                continue;
            }
            if (set.get().family() == AddressSet.Family.IPV4) {
                v4 = v4.union(set.get());
            } else {
                v6 = v6.union(set.get());
            }
        }
        return reaches(v4) || reaches(v6);
    }

    /** Whether one family's addresses are the internet. */
    public static boolean reaches(AddressSet addresses) {
        if (addresses.family() == AddressSet.Family.IPV4) {
            return addresses.intersect(PUBLIC_IPV4).size().compareTo(IPV4_THRESHOLD) >= 0;
        }
        return addresses.intersect(PUBLIC_IPV6).size().compareTo(IPV6_THRESHOLD) >= 0;
    }

    /** Whether any address of the set is public. */
    public static boolean holdsPublicAddresses(AddressSet addresses) {
        AddressSet publicSpace = addresses.family() == AddressSet.Family.IPV4 ? PUBLIC_IPV4 : PUBLIC_IPV6;
        return !addresses.intersect(publicSpace).isEmpty();
    }

    private static AddressSet minusAll(AddressSet from, List<String> cidrs) {
        AddressSet result = from;
        for (String cidr : cidrs) {
            result = result.minus(AddressSet.of(cidr));
        }
        return result;
    }
}
