package io.quest.platform.approval;

import java.util.List;
import java.util.Objects;

/**
 * Traffic a change lets in from the internet that could not come in before.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, a protocol number, or {@code -1} for all traffic
 * @param fromPort first port
 * @param toPort   last port
 * @param sources  the source ranges that together are the internet, sorted
 */
public record IngressOpening(String protocol, int fromPort, int toPort, List<String> sources) {

    public IngressOpening {
        Objects.requireNonNull(protocol, "protocol");
        sources = List.copyOf(sources);
    }

    /** As a reviewer reads it: {@code tcp 22 from 0.0.0.0/1 + 128.0.0.0/1}, {@code all traffic from ::/0}. */
    public String describe() {
        String from = " from " + String.join(" + ", sources);
        if (protocol.equals("-1")) {
            return "all traffic" + from;
        }
        if (protocol.equals("icmp") || protocol.equals("icmpv6")) {
            return protocol + from;
        }
        String ports = fromPort == toPort ? String.valueOf(fromPort)
                : fromPort == 0 && toPort == IngressRule.MAX_PORT ? "all ports" : fromPort + "-" + toPort;
        return protocol + " " + ports + from;
    }
}
