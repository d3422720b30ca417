package io.quest.platform.approval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One ingress permission as AWS evaluates it: a protocol, a port range and one source CIDR.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, another protocol number, or {@code -1} for
 *                 all traffic (AWS accepts names and numbers; both are normalised here)
 * @param fromPort first port (0 for all traffic, ICMP, and the ports of a protocol without ports)
 * @param toPort   last port (65535 likewise)
 * @param cidr     the source range, IPv4 or IPv6
 */
public record IngressRule(String protocol, int fromPort, int toPort, String cidr) {

    /** The highest port. */
    public static final int MAX_PORT = 65535;

    public IngressRule {
        protocol = normaliseProtocol(protocol);
        Objects.requireNonNull(cidr, "cidr");
        if (!hasPorts(protocol)) {
            // AWS: for all traffic, ICMP and protocols other than TCP and UDP the port range does not apply.
            fromPort = 0;
            toPort = MAX_PORT;
        }
        fromPort = fromPort < 0 ? 0 : fromPort;
        toPort = toPort < 0 ? MAX_PORT : toPort;
        if (toPort < fromPort) {
            int first = toPort;
            toPort = fromPort;
            fromPort = first;
        }
    }

    static boolean hasPorts(String protocol) {
        return protocol.equals("tcp") || protocol.equals("udp");
    }

    /** {@code 6} is {@code tcp}, {@code 17} {@code udp}, {@code 1} {@code icmp}, {@code 58} {@code icmpv6}, {@code all} {@code -1}. */
    static String normaliseProtocol(String protocol) {
        String p = protocol == null ? "-1" : protocol.strip().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            case "all", "", "-1" -> "-1";
            default -> p;
        };
    }

    /** Whether the source alone is the internet (see {@link Internet}). */
    public boolean fromInternet() {
        return Internet.reaches(List.of(cidr));
    }

    /** Whether the rule lets this protocol in on every port from {@code from} to {@code to}. */
    boolean covers(String otherProtocol, int from, int to) {
        return protocol.equals("-1") || protocol.equals(otherProtocol) && fromPort <= from && toPort >= to;
    }

    /** Whether the rule allows exactly TCP port 80 or exactly TCP port 443, the ports a load balancer listens on. */
    public boolean isWebListenerPort() {
        return protocol.equals("tcp") && fromPort == toPort && (fromPort == 80 || fromPort == 443);
    }

    /** The rule as a reviewer reads it: {@code tcp 22 from 0.0.0.0/0}. */
    public String describe() {
        return new IngressOpening(protocol, fromPort, toPort, List.of(cidr)).describe();
    }
}
