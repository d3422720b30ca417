package io.quest.platform.network;

import io.quest.platform.tags.Tags;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Network} is made of: plain values, since each decides the shape of the graph.
 *
 * @param region               the AWS region, for endpoint service names and ARNs
 * @param accountId            the account the network lives in (confused-deputy conditions)
 * @param cidr                 the VPC range, /16 to /22
 * @param availabilityZones    AZ names, in order; a subnet's place depends only on its AZ's position
 * @param natGateways          how private subnets reach the internet
 * @param interfaceEndpoints   interface endpoints to create (the S3 gateway endpoint always exists)
 * @param flowLogRetentionDays how long flow logs are kept
 * @param protectLogs          the flow log group and its key are protected (Pulumi {@code protect})
 * @param retainLogs           the flow log group and its key stay in AWS when deleted from the stack
 * @param tags                 the platform-wide tag layer
 */
public record NetworkArgs(
        String region,
        String accountId,
        Ipv4Cidr cidr,
        List<String> availabilityZones,
        NatGateways natGateways,
        Set<InterfaceEndpoint> interfaceEndpoints,
        int flowLogRetentionDays,
        boolean protectLogs,
        boolean retainLogs,
        Tags tags) {

    public NetworkArgs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(natGateways, "natGateways");
        Objects.requireNonNull(tags, "tags");
        availabilityZones = List.copyOf(availabilityZones);
        interfaceEndpoints = interfaceEndpoints.isEmpty()
                ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(interfaceEndpoints));
        if (availabilityZones.isEmpty() || availabilityZones.size() > SubnetPlan.MAX_AZS) {
            throw new IllegalArgumentException("a network spans 1 to " + SubnetPlan.MAX_AZS + " AZs, not " + availabilityZones.size());
        }
        if (new HashSet<>(availabilityZones).size() != availabilityZones.size()) {
            throw new IllegalArgumentException("availability zones repeat: " + availabilityZones);
        }
        if (natGateways == NatGateways.NONE && !interfaceEndpoints.containsAll(InterfaceEndpoint.requiredWithoutNat())) {
            throw new IllegalArgumentException("without NAT gateways the tasks need the interface endpoints "
                    + InterfaceEndpoint.requiredWithoutNat());
        }
    }

    /** The subnet layout these arguments produce. */
    public SubnetPlan subnetPlan() {
        return SubnetPlan.of(cidr, availabilityZones.size());
    }
}
