package io.quest.platform.network;

import io.quest.platform.tags.Tags;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkArgsTest {

    private static final Tags TAGS = Tags.platform("quest-platform", "qa", "qa", "", Map.of());

    private static NetworkArgs.Builder valid() {
        return NetworkArgs.builder()
                .account("111111111111", "eu-west-1")
                .addresses(Ipv4Cidr.parse("10.20.0.0/16"), List.of("eu-west-1a", "eu-west-1b"))
                .egress(NatGateways.SINGLE, Set.of(InterfaceEndpoint.KMS))
                .flowLogs(90, true, false)
                .tags(TAGS);
    }

    @Test
    void theBuilderSetsEachValueByNameSoGroupedValuesCannotSwapPlaces() {
        NetworkArgs args = valid().build();

        assertThat(args.accountId()).isEqualTo("111111111111");
        assertThat(args.region()).isEqualTo("eu-west-1");
        assertThat(args.cidr()).isEqualTo(Ipv4Cidr.parse("10.20.0.0/16"));
        assertThat(args.availabilityZones()).containsExactly("eu-west-1a", "eu-west-1b");
        assertThat(args.natGateways()).isEqualTo(NatGateways.SINGLE);
        assertThat(args.interfaceEndpoints()).containsExactly(InterfaceEndpoint.KMS);
        assertThat(args.flowLogRetentionDays()).isEqualTo(90);
        assertThat(args.protectLogs()).isTrue();
        assertThat(args.retainLogs()).isFalse();
    }

    @Test
    void withoutInterfaceEndpointsNoneAreCreated() {
        NetworkArgs args = valid().egress(NatGateways.PER_AZ, Set.of()).build();

        assertThat(args.interfaceEndpoints()).isEmpty();
    }

    @Test
    void aMissingRequiredValueIsNamed() {
        assertThatThrownBy(() -> NetworkArgs.builder().account("111111111111", "eu-west-1")
                .addresses(Ipv4Cidr.parse("10.20.0.0/16"), List.of("eu-west-1a")).flowLogs(90, false, false).tags(TAGS).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("natGateways");
    }

    @Test
    void flowLogsAreKeptAtLeastADay() {
        assertThatThrownBy(() -> valid().flowLogs(0, false, false).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flow logs are kept at least 1 day, not 0");
    }

    @Test
    void withoutNatTheTasksNeedTheirEndpoints() {
        assertThatThrownBy(() -> valid().egress(NatGateways.NONE, Set.of(InterfaceEndpoint.KMS)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("without NAT gateways the tasks need the interface endpoints");

        assertThat(valid().egress(NatGateways.NONE, EnumSet.copyOf(InterfaceEndpoint.requiredWithoutNat())).build().natGateways())
                .isEqualTo(NatGateways.NONE);
    }

    @Test
    void availabilityZonesMayNotRepeat() {
        assertThatThrownBy(() -> valid().addresses(Ipv4Cidr.parse("10.20.0.0/16"), List.of("eu-west-1a", "eu-west-1a")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("availability zones repeat: [eu-west-1a, eu-west-1a]");
    }
}
