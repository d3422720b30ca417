package io.quest.platform.network;

import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Network} is made of: plain values, since each decides the shape of the graph. Build it with
 * {@link #builder()}: every value is set by name.
 *
 * @param region               the AWS region, for endpoint service names and ARNs. Required
 * @param accountId            the account the network lives in (confused-deputy conditions). Required
 * @param cidr                 the VPC range, /16 to /22. Required
 * @param availabilityZones    AZ names, in order; a subnet's place depends only on its AZ's position. Required
 * @param natGateways          how private subnets reach the internet. Required
 * @param interfaceEndpoints   interface endpoints to create (the S3 gateway endpoint always exists). Defaults to none
 * @param flowLogRetentionDays how long flow logs are kept, at least 1 day. Required
 * @param protectLogs          the flow log group and its key are protected (Pulumi {@code protect}). Defaults to false
 * @param retainLogs           the flow log group and its key stay in AWS when deleted from the stack. Defaults to false
 * @param tags                 the platform-wide tag layer. Required
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
        Objects.requireNonNull(availabilityZones, "availabilityZones");
        Objects.requireNonNull(natGateways, "natGateways");
        Objects.requireNonNull(interfaceEndpoints, "interfaceEndpoints");
        Objects.requireNonNull(tags, "tags");
        if (flowLogRetentionDays < 1) {
            throw new IllegalArgumentException("flow logs are kept at least 1 day, not " + flowLogRetentionDays);
        }
        availabilityZones = List.copyOf(availabilityZones);
        interfaceEndpoints = interfaceEndpoints.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(interfaceEndpoints));
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

    public static Builder builder() {
        return new Builder();
    }

    /** Sets each value by name; what is not set takes the default documented on {@link NetworkArgs}. */
    public static final class Builder {
        private String region;
        private String accountId;
        private Ipv4Cidr cidr;
        private List<String> availabilityZones;
        private NatGateways natGateways;
        private Set<InterfaceEndpoint> interfaceEndpoints = Set.of();
        private int flowLogRetentionDays;
        private boolean protectLogs;
        private boolean retainLogs;
        private Tags tags;

        private Builder() {
        }

        /** The account and region the network lives in. */
        public Builder account(String accountId, String region) {
            this.accountId = accountId;
            this.region = region;
            return this;
        }

        /** The VPC's range and the AZs its subnets are spread over, in order. */
        public Builder addresses(Ipv4Cidr cidr, List<String> availabilityZones) {
            this.cidr = cidr;
            this.availabilityZones = availabilityZones;
            return this;
        }

        /** How private subnets reach AWS and the internet: NAT gateways, and the interface endpoints to create. */
        public Builder egress(NatGateways natGateways, Set<InterfaceEndpoint> interfaceEndpoints) {
            this.natGateways = natGateways;
            this.interfaceEndpoints = interfaceEndpoints;
            return this;
        }

        /**
         * How long flow logs are kept, and whether their log group and key are protected and retained on delete; the
         * stack that composes the network decides.
         */
        public Builder flowLogs(int retentionDays, boolean protect, boolean retainOnDelete) {
            this.flowLogRetentionDays = retentionDays;
            this.protectLogs = protect;
            this.retainLogs = retainOnDelete;
            return this;
        }

        public Builder tags(Tags tags) {
            this.tags = tags;
            return this;
        }

        public NetworkArgs build() {
            return new NetworkArgs(region, accountId, cidr, availabilityZones, natGateways, interfaceEndpoints,
                    flowLogRetentionDays, protectLogs, retainLogs, tags);
        }
    }
}
