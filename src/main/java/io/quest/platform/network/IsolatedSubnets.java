package io.quest.platform.network;

import com.pulumi.aws.ec2.NetworkAcl;
import com.pulumi.aws.ec2.NetworkAclArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.inputs.NetworkAclEgressArgs;
import com.pulumi.aws.ec2.inputs.NetworkAclIngressArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The isolated tier of a {@link Network}: one subnet per AZ for databases, with no way out of the VPC. Their
 * route table has no route at all beyond the VPC's implicit local one (no internet gateway, no NAT, no
 * endpoint), and their network ACL admits traffic only from and to the VPC's own range, so even a route added
 * by hand later would carry nothing.
 */
final class IsolatedSubnets {

    private IsolatedSubnets() {
    }

    /** Creates the tier's subnets, route table and network ACL; returns the subnets' IDs in AZ order. */
    static Output<List<String>> create(String name, NetworkArgs args, SubnetPlan plan, Output<String> vpcId, CustomResourceOptions child) {
        var tags = args.tags();
        // No routes: a route table always has the VPC's local route, and that is all this tier may reach.
        var routeTable = new RouteTable(name + "-isolated-rt", RouteTableArgs.builder()
                .vpcId(vpcId)
                .tags(tags.named(name + "-isolated-rt", Map.of("tier", "isolated")))
                .build(), child);

        List<Output<String>> ids = new ArrayList<>();
        for (int i = 0; i < args.availabilityZones().size(); i++) {
            String az = args.availabilityZones().get(i);
            String key = Network.azKey(args.region(), az);
            var subnet = new Subnet(name + "-isolated-" + key, SubnetArgs.builder()
                    .vpcId(vpcId)
                    .availabilityZone(az)
                    .cidrBlock(plan.isolatedSubnets().get(i).toString())
                    .mapPublicIpOnLaunch(false)
                    .tags(tags.named(name + "-isolated-" + key, Map.of("tier", "isolated")))
                    .build(), child);
            new RouteTableAssociation(name + "-isolated-rta-" + key, RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id())
                    .routeTableId(routeTable.id())
                    .build(), child);
            ids.add(subnet.id());
        }

        String vpcRange = args.cidr().toString();
        new NetworkAcl(name + "-isolated-nacl", NetworkAclArgs.builder()
                .vpcId(vpcId)
                .subnetIds(Output.all(ids))
                .ingress(NetworkAclIngressArgs.builder()
                        .ruleNo(100).action("allow").protocol("-1").fromPort(0).toPort(0).cidrBlock(vpcRange).build())
                .egress(NetworkAclEgressArgs.builder()
                        .ruleNo(100).action("allow").protocol("-1").fromPort(0).toPort(0).cidrBlock(vpcRange).build())
                .tags(tags.named(name + "-isolated-nacl", Map.of("tier", "isolated")))
                .build(), child);
        return Output.all(ids);
    }
}
