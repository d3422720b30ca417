package io.quest.platform.network;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv4CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.300.0.0/16", "10.0.0/16", "10.0.0.0", "10.0.0.0/33", "010.0.0.0/16", "a.b.c.d/8", "10.0.0.0/16 extra"})
    void rejects_what_is_not_a_cidr(String text) {
        assertThatThrownBy(() -> Ipv4Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_host_bits_and_names_the_network_meant() {
        assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.1/16")).hasMessage("host bits are set");
        assertThat(Ipv4Cidr.networkOf("10.0.0.1/16")).hasToString("10.0.0.0/16");
    }

    @Test
    void knows_the_private_ranges() {
        assertThat(Ipv4Cidr.parse("10.20.0.0/16").isRfc1918()).isTrue();
        assertThat(Ipv4Cidr.parse("172.31.0.0/16").isRfc1918()).isTrue();
        assertThat(Ipv4Cidr.parse("172.32.0.0/16").isRfc1918()).isFalse();
        assertThat(Ipv4Cidr.parse("8.8.0.0/16").isRfc1918()).isFalse();
    }

    @Test
    void overlap_is_symmetric_and_containment_is_not() {
        Ipv4Cidr big = Ipv4Cidr.parse("10.0.0.0/8");
        Ipv4Cidr small = Ipv4Cidr.parse("10.20.0.0/16");
        assertThat(big.overlaps(small)).isTrue();
        assertThat(small.overlaps(big)).isTrue();
        assertThat(big.contains(small)).isTrue();
        assertThat(small.contains(big)).isFalse();
        assertThat(small.overlaps(Ipv4Cidr.parse("10.21.0.0/16"))).isFalse();
    }

    @Property
    void prints_what_it_parses(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long address, @ForAll @IntRange(min = 0, max = 32) int prefix) {
        long network = prefix == 0 ? 0 : address & ((0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
        Ipv4Cidr cidr = new Ipv4Cidr(network, prefix);
        assertThat(Ipv4Cidr.parse(cidr.toString())).isEqualTo(cidr);
    }
}
