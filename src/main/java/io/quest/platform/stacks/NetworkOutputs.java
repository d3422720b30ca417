package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import io.quest.platform.network.Network;

import java.util.List;

/**
 * The network layer's contract: what a service needs to know of the network it runs in. Written by the
 * stack that owns the network, read the same way whether that is this stack or a {@code <env>-network} stack.
 */
public record NetworkOutputs(
        Output<String> vpcId,
        Output<String> vpcCidr,
        Output<List<String>> publicSubnetIds,
        Output<List<String>> privateSubnetIds,
        Output<List<String>> availabilityZones,
        Output<List<String>> isolatedSubnetIds) {

    static final String VPC_ID = "vpcId";
    static final String VPC_CIDR = "vpcCidr";
    static final String PUBLIC_SUBNET_IDS = "publicSubnetIds";
    static final String PRIVATE_SUBNET_IDS = "privateSubnetIds";
    static final String AVAILABILITY_ZONES = "availabilityZones";
    static final String ISOLATED_SUBNET_IDS = "isolatedSubnetIds";

    public static NetworkOutputs of(Network network) {
        return new NetworkOutputs(network.vpcId(), network.vpcCidr(), network.publicSubnetIds(),
                network.privateSubnetIds(), Output.of(network.availabilityZones()), network.isolatedSubnetIds());
    }

    public void export(Context ctx) {
        ctx.export(VPC_ID, vpcId);
        ctx.export(VPC_CIDR, vpcCidr);
        ctx.export(PUBLIC_SUBNET_IDS, publicSubnetIds);
        ctx.export(PRIVATE_SUBNET_IDS, privateSubnetIds);
        ctx.export(AVAILABILITY_ZONES, availabilityZones);
        ctx.export(ISOLATED_SUBNET_IDS, isolatedSubnetIds);
    }

    public static NetworkOutputs from(StackReference ref) {
        return new NetworkOutputs(
                StackOutputs.string(ref, VPC_ID),
                StackOutputs.string(ref, VPC_CIDR),
                StackOutputs.strings(ref, PUBLIC_SUBNET_IDS),
                StackOutputs.strings(ref, PRIVATE_SUBNET_IDS),
                StackOutputs.strings(ref, AVAILABILITY_ZONES),
                StackOutputs.strings(ref, ISOLATED_SUBNET_IDS));
    }
}
