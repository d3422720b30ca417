package io.quest.platform.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether an IPv4 or IPv6 address lies in a range, for reading network ACL rules. Literal addresses only: no lookup. */
final class Cidrs {

    private Cidrs() {
    }

    static boolean contains(String cidr, String address) {
        String[] parts = cidr.split("/", 2);
        byte[] network = literal(parts[0]);
        byte[] host = literal(address);
        if (network.length != host.length) {
            return false;
        }
        int bits = network.length * 8;
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
        return new BigInteger(1, network).and(mask).equals(new BigInteger(1, host).and(mask));
    }

    private static byte[] literal(String address) {
        if (!address.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("not an IP address literal: " + address);
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + address, e);
        }
    }
}
