package io.quest.platform.network;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubnetPlanTest {

    @Test
    void a_16_gets_19_private_and_22_public_subnets() {
        SubnetPlan plan = SubnetPlan.of(Ipv4Cidr.parse("10.10.0.0/16"), 3);

        assertThat(plan.privateSubnets()).extracting(Ipv4Cidr::toString)
                .containsExactly("10.10.0.0/19", "10.10.32.0/19", "10.10.64.0/19");
        assertThat(plan.publicSubnets()).extracting(Ipv4Cidr::toString)
                .containsExactly("10.10.224.0/22", "10.10.228.0/22", "10.10.232.0/22");
        assertThat(plan.isolatedSubnets()).extracting(Ipv4Cidr::toString)
                .containsExactly("10.10.192.0/22", "10.10.196.0/22", "10.10.200.0/22");
    }

    @Test
    void the_smallest_vpc_still_gets_28_public_subnets() {
        SubnetPlan plan = SubnetPlan.of(Ipv4Cidr.parse("192.168.4.0/22"), 6);

        assertThat(plan.publicSubnets()).allSatisfy(s -> assertThat(s.prefix()).isEqualTo(28)).hasSize(6);
        assertThat(plan.privateSubnets()).allSatisfy(s -> assertThat(s.prefix()).isEqualTo(25)).hasSize(6);
        assertThat(plan.isolatedSubnets()).allSatisfy(s -> assertThat(s.prefix()).isEqualTo(28)).hasSize(6);
    }

    @Test
    void rejects_ranges_aws_would_not_take_and_more_zones_than_it_lays_out() {
        assertThatThrownBy(() -> SubnetPlan.of(Ipv4Cidr.parse("10.0.0.0/15"), 2)).hasMessageContaining("/16 to /22");
        assertThatThrownBy(() -> SubnetPlan.of(Ipv4Cidr.parse("10.0.0.0/23"), 2)).hasMessageContaining("/16 to /22");
        assertThatThrownBy(() -> SubnetPlan.of(Ipv4Cidr.parse("10.0.0.0/16"), 7)).hasMessageContaining("1 to 6");
    }

    @Property
    void every_subnet_lies_in_the_vpc_and_none_overlap(@ForAll("vpcs") Ipv4Cidr vpc, @ForAll @IntRange(min = 1, max = 6) int azs) {
        SubnetPlan plan = SubnetPlan.of(vpc, azs);
        List<Ipv4Cidr> all = new ArrayList<>(plan.privateSubnets());
        all.addAll(plan.publicSubnets());
        all.addAll(plan.isolatedSubnets());

        assertThat(all).hasSize(3 * azs).allSatisfy(s -> assertThat(vpc.contains(s)).isTrue());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).overlaps(all.get(j))).as(all.get(i) + " vs " + all.get(j)).isFalse();
            }
        }
        assertThat(all).allSatisfy(s -> assertThat(s.prefix()).isLessThanOrEqualTo(28));
    }

    @Property
    void adding_a_zone_never_renumbers_an_existing_subnet(@ForAll("vpcs") Ipv4Cidr vpc, @ForAll @IntRange(min = 1, max = 5) int azs) {
        SubnetPlan before = SubnetPlan.of(vpc, azs);
        SubnetPlan after = SubnetPlan.of(vpc, azs + 1);

        assertThat(after.privateSubnets().subList(0, azs)).isEqualTo(before.privateSubnets());
        assertThat(after.publicSubnets().subList(0, azs)).isEqualTo(before.publicSubnets());
        assertThat(after.isolatedSubnets().subList(0, azs)).isEqualTo(before.isolatedSubnets());
    }

    @Property
    void the_isolated_tier_lies_in_the_block_the_other_tiers_left_free(@ForAll("vpcs") Ipv4Cidr vpc, @ForAll @IntRange(min = 1, max = 6) int azs) {
        SubnetPlan plan = SubnetPlan.of(vpc, azs);
        Ipv4Cidr freeBlock = vpc.subnet(vpc.prefix() + 3, 6);

        // The private and public tiers are placed as they were before the isolated tier existed.
        for (int az = 0; az < azs; az++) {
            assertThat(plan.privateSubnets().get(az)).isEqualTo(vpc.subnet(vpc.prefix() + 3, az));
            assertThat(plan.publicSubnets().get(az)).isEqualTo(vpc.subnet(vpc.prefix() + 3, 7).subnet(vpc.prefix() + 6, az));
        }
        assertThat(plan.isolatedSubnets()).hasSize(azs).allSatisfy(s -> assertThat(freeBlock.contains(s)).isTrue());
    }

    @Provide
    Arbitrary<Ipv4Cidr> vpcs() {
        return Arbitraries.integers().between(SubnetPlan.MIN_VPC_PREFIX, SubnetPlan.MAX_VPC_PREFIX).flatMap(prefix ->
                Arbitraries.longs().between(0, (1L << prefix) - 1).map(n -> new Ipv4Cidr((n << (32 - prefix)) & 0xFFFF_FFFFL, prefix)));
    }
}
