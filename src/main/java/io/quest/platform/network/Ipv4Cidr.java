package io.quest.platform.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 network in CIDR notation, with the arithmetic subnet planning needs. Pure and immutable. */
public record Ipv4Cidr(long base, int prefix) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length " + prefix + " is not between 0 and 32");
        }
        if (base < 0 || base > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("address out of range");
        }
        if ((base & ~mask(prefix) & 0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("host bits are set");
        }
    }

    /**
     * Parses {@code a.b.c.d/n}. Throws {@link IllegalArgumentException} for anything else, including an
     * address with host bits set ({@code 10.0.0.1/16}), which AWS would not take as a network.
     */
    public static Ipv4Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no CIDR");
        }
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a.b.c.d/n");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255 || (m.group(i).length() > 1 && m.group(i).startsWith("0"))) {
                throw new IllegalArgumentException("octet " + m.group(i) + " is not 0-255");
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("prefix " + prefix + " is over 32");
        }
        return new Ipv4Cidr(address, prefix);
    }

    /** Whether text is a CIDR whose address has host bits set; the network it meant is {@link #networkOf}. */
    public static Ipv4Cidr networkOf(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a.b.c.d/n");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            address = (address << 8) | Integer.parseInt(m.group(i));
        }
        int prefix = Integer.parseInt(m.group(5));
        return new Ipv4Cidr(address & mask(prefix), prefix);
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return base + size() - 1;
    }

    /** The {@code index}-th network of prefix {@code newPrefix} inside this one. */
    public Ipv4Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("a /" + newPrefix + " does not fit in a /" + prefix);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("a /" + prefix + " holds " + count + " /" + newPrefix + " networks, not " + (index + 1));
        }
        return new Ipv4Cidr(base + index * (1L << (32 - newPrefix)), newPrefix);
    }

    public boolean contains(Ipv4Cidr other) {
        return other.base >= base && other.last() <= last();
    }

    public boolean overlaps(Ipv4Cidr other) {
        return base <= other.last() && other.base <= last();
    }

    /** Inside 10/8, 172.16/12 or 192.168/16: the ranges RFC 1918 keeps for private networks. */
    public boolean isRfc1918() {
        return parse("10.0.0.0/8").contains(this)
                || parse("172.16.0.0/12").contains(this)
                || parse("192.168.0.0/16").contains(this);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    @Override
    public String toString() {
        return ((base >> 24) & 255) + "." + ((base >> 16) & 255) + "." + ((base >> 8) & 255) + "." + (base & 255) + "/" + prefix;
    }
}
