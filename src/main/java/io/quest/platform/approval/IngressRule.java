package io.quest.platform.approval;

import java.util.Objects;

/**
 * One ingress permission as AWS evaluates it: a protocol, a port range and one source CIDR.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code -1} for all traffic, lower case
 * @param fromPort first port (AWS uses 0 or -1 with protocol -1)
 * @param toPort   last port
 * @param cidr     the source range, IPv4 or IPv6
 */
public record IngressRule(String protocol, int fromPort, int toPort, String cidr) {

    public IngressRule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cidr, "cidr");
    }

    /** Whether the source is the whole internet. */
    public boolean fromInternet() {
        return cidr.equals("0.0.0.0/0") || cidr.equals("::/0");
    }

    /** Whether the rule allows exactly TCP port 80 or exactly TCP port 443, the ports a load balancer listens on. */
    public boolean isWebListenerPort() {
        return isTcp() && fromPort == toPort && (fromPort == 80 || fromPort == 443);
    }

    private boolean isTcp() {
        return protocol.equals("tcp") || protocol.equals("6");
    }

    /** The rule as a reviewer reads it: {@code tcp 22 from 0.0.0.0/0}. */
    public String describe() {
        if (protocol.equals("-1") || protocol.equals("all")) {
            return "all traffic from " + cidr;
        }
        String ports = fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort;
        return protocol + " " + ports + " from " + cidr;
    }
}
