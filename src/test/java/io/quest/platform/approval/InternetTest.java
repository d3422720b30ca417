package io.quest.platform.approval;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InternetTest {

    /** 0.0.0.0/0 cut into 2^bits equal blocks. */
    private static List<String> ipv4Pieces(int bits) {
        List<String> pieces = new ArrayList<>();
        long size = 1L << (32 - bits);
        for (long start = 0; start < (1L << 32); start += size) {
            pieces.add(((start >> 24) & 255) + "." + ((start >> 16) & 255) + "." + ((start >> 8) & 255) + "." + (start & 255) + "/" + bits);
        }
        return pieces;
    }

    @Property
    void theWholeIpv4SpaceCutInPiecesIsStillTheInternet(@ForAll @IntRange(min = 0, max = 10) int bits) {
        List<String> pieces = ipv4Pieces(bits);

        assertThat(pieces).hasSize(1 << bits);
        assertThat(Internet.reaches(pieces)).isTrue();
        AddressSet union = AddressSet.empty(AddressSet.Family.IPV4);
        for (String piece : pieces) {
            union = union.union(AddressSet.of(piece));
        }
        assertThat(union).isEqualTo(AddressSet.of("0.0.0.0/0"));
    }

    @Property
    void aUnionHoldsEveryPieceAndNothingElse(@ForAll @IntRange(min = 1, max = 8) int bits, @ForAll @IntRange(min = 0, max = 255) int drop) {
        List<String> pieces = new ArrayList<>(ipv4Pieces(bits));
        String dropped = pieces.remove(drop % pieces.size());
        AddressSet union = AddressSet.empty(AddressSet.Family.IPV4);
        for (String piece : pieces) {
            union = union.union(AddressSet.of(piece));
        }

        assertThat(union.containsAll(AddressSet.of(dropped))).isFalse();
        assertThat(union.intersect(AddressSet.of(dropped)).isEmpty()).isTrue();
        assertThat(union.size().add(AddressSet.of(dropped).size())).isEqualTo(BigInteger.ONE.shiftLeft(32));
    }

    @Test
    void ipv6SplitInHalvesOrOnlyItsGlobalBlockIsTheInternet() {
        assertThat(Internet.reaches(List.of("::/1", "8000::/1"))).isTrue();
        assertThat(Internet.reaches(List.of("::/0"))).isTrue();
        assertThat(Internet.reaches(List.of("2000::/3"))).isTrue();
        assertThat(Internet.reaches(List.of("2000::/4", "3000::/4"))).isTrue();
        assertThat(Internet.reaches(List.of("8000::/1"))).isFalse();
        assertThat(Internet.reaches(List.of("fc00::/7", "fe80::/10"))).isFalse();
        assertThat(Internet.reaches(List.of("2001:db8:1234::/48"))).isFalse();
    }

    @Test
    void privateRangesAnOfficeAndAPartnerAreNotTheInternetButAnyEighthIs() {
        assertThat(Internet.reaches(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"))).isFalse();
        assertThat(Internet.reaches(List.of("203.0.113.0/24", "198.51.100.7/32"))).isFalse();
        assertThat(Internet.reaches(List.of("52.0.0.0/9"))).isFalse();
        assertThat(Internet.reaches(List.of("52.0.0.0/9", "52.128.0.0/9"))).isTrue();
        assertThat(Internet.reaches(List.of("0.0.0.0/1"))).isTrue();
        assertThat(Internet.reaches(List.of("0.0.0.0/0"))).isTrue();
    }

    @Test
    void textThatIsNotACidrBlockIsLeftOut() {
        assertThat(AddressSet.parse(InternetIngress.UNKNOWN_VALUE)).isEmpty();
        assertThat(AddressSet.parse("300.0.0.0/8")).isEmpty();
        assertThat(AddressSet.parse("10.0.0.0/33")).isEmpty();
        assertThat(AddressSet.parse("example.com/8")).isEmpty();
        assertThat(Internet.reaches(List.of(InternetIngress.UNKNOWN_VALUE, "sg-0123"))).isFalse();
        assertThat(AddressSet.of("10.1.2.3/8")).isEqualTo(AddressSet.of("10.0.0.0/8"));
    }
}
