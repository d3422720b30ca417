package io.quest.platform.network;

import java.util.Objects;

/**
 * One inbound or outbound rule of a network ACL, as data: AWS evaluates a direction's rules in ascending {@code ruleNo}
 * and the first that matches decides; a packet no rule matches is denied.
 *
 * @param ruleNo   1 to 32766
 * @param allow    allow, or deny
 * @param protocol the IANA protocol number as AWS stores it ({@code 6} TCP, {@code 17} UDP, {@code 1} ICMP), or
 *                 {@code -1} for every protocol (ports then 0)
 * @param fromPort first port (TCP, UDP), or the ICMP type
 * @param toPort   last port (TCP, UDP), or the ICMP code ({@code -1}: every code)
 * @param cidr     the source (inbound) or destination (outbound): an IPv4 or IPv6 range
 */
public record AclRule(int ruleNo, boolean allow, String protocol, int fromPort, int toPort, String cidr) {

    public static final String TCP = "6";
    public static final String UDP = "17";
    public static final String ICMP = "1";
    public static final String ALL = "-1";

    public AclRule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cidr, "cidr");
        if (ruleNo < 1 || ruleNo > 32766) {
            throw new IllegalArgumentException("a network ACL rule number is 1 to 32766, not " + ruleNo);
        }
    }

    /** Whether the range is IPv6. */
    public boolean ipv6() {
        return cidr.contains(":");
    }

    /** Whether a packet of this protocol to this port (TCP, UDP) from or to {@code address} matches the rule. */
    public boolean matches(String packetProtocol, int port, String address) {
        if (!protocol.equals(ALL) && !protocol.equals(packetProtocol)) {
            return false;
        }
        boolean ported = protocol.equals(TCP) || protocol.equals(UDP);
        return (!ported || (port >= fromPort && port <= toPort)) && Cidrs.contains(cidr, address);
    }
}
