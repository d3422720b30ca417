package io.quest.platform.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each subnet goes in the VPC range. A pure function of the range and the AZ count.
 *
 * <p>The VPC is cut into eight equal blocks. Blocks 0 to 5 are the private subnets of AZs 0 to 5 (the
 * tasks live there, so they get the room); block 6 is cut into eight again and its first six parts are the
 * isolated subnets (databases: no route out of the VPC); block 7 is cut into eight again and its first six
 * parts are the public subnets (load balancer and NAT only). A subnet's place depends only on its tier and
 * its AZ's position, so adding an AZ adds subnets and never renumbers one, and the isolated tier took the
 * block that was kept free, so adding it renumbered nothing either.
 *
 * <p>For a /16 VPC: private subnets are /19 (8,187 usable addresses each), isolated and public subnets /22
 * (1,019 each). The smallest VPC, a /22, still gets /28 isolated and public subnets (11 usable addresses).
 */
public record SubnetPlan(Ipv4Cidr vpc, List<Ipv4Cidr> privateSubnets, List<Ipv4Cidr> publicSubnets,
                         List<Ipv4Cidr> isolatedSubnets) {

    /** The most AZs a plan lays out. */
    public static final int MAX_AZS = 6;
    /** The largest VPC AWS allows. */
    public static final int MIN_VPC_PREFIX = 16;
    /** The smallest VPC whose public subnets are still a /28, the smallest subnet AWS allows. */
    public static final int MAX_VPC_PREFIX = 22;

    public SubnetPlan {
        privateSubnets = List.copyOf(privateSubnets);
        publicSubnets = List.copyOf(publicSubnets);
        isolatedSubnets = List.copyOf(isolatedSubnets);
    }

    public static SubnetPlan of(Ipv4Cidr vpc, int azCount) {
        if (vpc.prefix() < MIN_VPC_PREFIX || vpc.prefix() > MAX_VPC_PREFIX) {
            throw new IllegalArgumentException("a VPC range must be /" + MIN_VPC_PREFIX + " to /" + MAX_VPC_PREFIX + ", not /" + vpc.prefix());
        }
        if (azCount < 1 || azCount > MAX_AZS) {
            throw new IllegalArgumentException("AZ count must be 1 to " + MAX_AZS + ", not " + azCount);
        }
        int blockPrefix = vpc.prefix() + 3;
        Ipv4Cidr isolatedBlock = vpc.subnet(blockPrefix, 6);
        Ipv4Cidr publicBlock = vpc.subnet(blockPrefix, 7);
        List<Ipv4Cidr> privates = new ArrayList<>();
        List<Ipv4Cidr> publics = new ArrayList<>();
        List<Ipv4Cidr> isolated = new ArrayList<>();
        for (int az = 0; az < azCount; az++) {
            privates.add(vpc.subnet(blockPrefix, az));
            publics.add(publicBlock.subnet(blockPrefix + 3, az));
            isolated.add(isolatedBlock.subnet(blockPrefix + 3, az));
        }
        return new SubnetPlan(vpc, privates, publics, isolated);
    }
}
