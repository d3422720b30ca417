package io.quest.platform.config;

import io.quest.platform.network.InterfaceEndpoint;
import io.quest.platform.network.Ipv4Cidr;
import io.quest.platform.network.NatGateways;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code quest-platform:network}: the environment's network, either built in this stack or read from the
 * stack named by {@code fromStack} (a {@code <env>-network} stack), through the same typed contract.
 *
 * @param fromStack            fully qualified stack that owns the network; empty builds it here
 * @param cidr                 VPC range (required when built here): /16 to /22 inside RFC 1918
 * @param availabilityZones    AZs to span. Defaults to the region's first 3 in production, 2 elsewhere
 * @param natGateways          {@code none}, {@code instance}, {@code instance-per-az}, {@code single} or {@code per-az}. Defaults to per-az in production, instance elsewhere
 * @param interfaceEndpoints   interface endpoints to create. Defaults to none; {@code natGateways: none} needs ecr.api, ecr.dkr, logs
 * @param flowLogRetentionDays flow log retention. Defaults to 365 in production, 90 elsewhere
 */
public record NetworkConfig(
        Optional<String> fromStack,
        Ipv4Cidr cidr,
        List<String> availabilityZones,
        NatGateways natGateways,
        Set<InterfaceEndpoint> interfaceEndpoints,
        int flowLogRetentionDays) {

    public NetworkConfig {
        Objects.requireNonNull(fromStack, "fromStack");
        availabilityZones = List.copyOf(availabilityZones);
        interfaceEndpoints = interfaceEndpoints.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(interfaceEndpoints));
    }

    public boolean builtHere() {
        return fromStack.isEmpty();
    }
}
