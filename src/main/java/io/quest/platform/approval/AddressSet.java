package io.quest.platform.approval;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A set of IP addresses of one family as sorted, disjoint, non-adjacent ranges: plain CIDR arithmetic, so that
 * {@code 0.0.0.0/1} and {@code 128.0.0.0/1} together are seen to be {@code 0.0.0.0/0}.
 */
public final class AddressSet {

    /** IPv4 or IPv6. */
    public enum Family {
        /** 32-bit addresses. */
        IPV4(32),
        /** 128-bit addresses. */
        IPV6(128);

        private final int bits;

        Family(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private record Range(BigInteger first, BigInteger last) {
    }

    private final Family family;
    private final List<Range> ranges;

    private AddressSet(Family family, List<Range> ranges) {
        this.family = family;
        this.ranges = List.copyOf(ranges);
    }

    /** The empty set of a family. */
    public static AddressSet empty(Family family) {
        return new AddressSet(family, List.of());
    }

    /** The set a CIDR block names; empty when the text is not a CIDR block ({@code 10.0.0.0/8}, {@code ::/0}). */
    public static Optional<AddressSet> parse(String cidr) {
        String text = cidr.strip().toLowerCase(Locale.ROOT);
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Family family;
        if (IPV4.matcher(address).matches()) {
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
            family = Family.IPV4;
        } else if (IPV6.matcher(address).matches()) {
            family = Family.IPV6;
        } else {
            return Optional.empty();
        }
        int prefix;
        try {
            prefix = slash < 0 ? family.bits() : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > family.bits()) {
            return Optional.empty();
        }
        BigInteger value;
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length * 8 != family.bits()) {
                return Optional.empty();
            }
            value = new BigInteger(1, bytes);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
        BigInteger size = BigInteger.ONE.shiftLeft(family.bits() - prefix);
        BigInteger first = value.subtract(value.mod(size));
        return Optional.of(new AddressSet(family, List.of(new Range(first, first.add(size).subtract(BigInteger.ONE)))));
    }

    /** The set a CIDR block names. @throws IllegalArgumentException when the text is not one */
    public static AddressSet of(String cidr) {
        return parse(cidr).orElseThrow(() -> new IllegalArgumentException("\"" + cidr + "\" is not a CIDR block"));
    }

    public Family family() {
        return family;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** How many addresses the set holds. */
    public BigInteger size() {
        BigInteger total = BigInteger.ZERO;
        for (Range range : ranges) {
            total = total.add(range.last().subtract(range.first())).add(BigInteger.ONE);
        }
        return total;
    }

    /** The addresses in this set or the other (of the same family). */
    public AddressSet union(AddressSet other) {
        requireSameFamily(other);
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        all.sort((a, b) -> a.first().compareTo(b.first()));
        List<Range> merged = new ArrayList<>();
        for (Range range : all) {
            if (!merged.isEmpty()) {
                Range last = merged.get(merged.size() - 1);
                if (range.first().compareTo(last.last().add(BigInteger.ONE)) <= 0) {
                    merged.set(merged.size() - 1, new Range(last.first(), last.last().max(range.last())));
                    continue;
                }
            }
            merged.add(range);
        }
        return new AddressSet(family, merged);
    }

    /** The addresses in this set and not in the other. */
    public AddressSet minus(AddressSet other) {
        requireSameFamily(other);
        List<Range> result = new ArrayList<>(ranges);
        for (Range cut : other.ranges) {
            List<Range> next = new ArrayList<>();
            for (Range range : result) {
                if (cut.last().compareTo(range.first()) < 0 || cut.first().compareTo(range.last()) > 0) {
                    next.add(range);
                    continue;
                }
                if (cut.first().compareTo(range.first()) > 0) {
                    next.add(new Range(range.first(), cut.first().subtract(BigInteger.ONE)));
                }
                if (cut.last().compareTo(range.last()) < 0) {
                    next.add(new Range(cut.last().add(BigInteger.ONE), range.last()));
                }
            }
            result = next;
        }
        return new AddressSet(family, result);
    }

    /** The addresses in both sets. */
    public AddressSet intersect(AddressSet other) {
        return minus(minus(other));
    }

    /** Whether every address of the other set is in this one. */
    public boolean containsAll(AddressSet other) {
        return other.minus(this).isEmpty();
    }

    private void requireSameFamily(AddressSet other) {
        if (other.family != family) {
            throw new IllegalArgumentException("cannot combine " + family + " and " + other.family + " addresses");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressSet other && other.family == family && other.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return family.hashCode() * 31 + ranges.hashCode();
    }

    @Override
    public String toString() {
        return family + ranges.toString();
    }
}
