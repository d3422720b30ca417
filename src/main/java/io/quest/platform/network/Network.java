package io.quest.platform.network;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.NetworkInterface;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;
import io.quest.platform.logs.EncryptedLogGroup;
import io.quest.platform.logs.LogGroupName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The network of one environment: a VPC with public, private and isolated subnets over N availability zones
 * (the isolated ones, for databases, reach nothing outside the VPC: {@link IsolatedSubnets}), internet gateway, NAT per {@link NatGateways} (gateways or {@link NatInstances}), route tables, the default security group emptied,
 * the default network ACL closing remote administration to the internet ({@link DefaultAcl}),
 * flow logs to CloudWatch, an S3 gateway endpoint and the configured interface endpoints.
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "quest:network:Network";

    private final Output<String> vpcId;
    private final Output<String> vpcCidr;
    private final Output<List<String>> publicSubnetIds;
    private final Output<List<String>> privateSubnetIds;
    private final Output<List<String>> isolatedSubnetIds;
    private final Output<String> flowLogGroupName;
    private final List<String> availabilityZones;

    public Network(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();
        SubnetPlan plan = args.subnetPlan();

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.cidr().toString())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(tags.named(name + "-vpc"))
                .build(), child);

        // The default security group admits everything from itself and sends anywhere: empty it,
        // so a resource that forgets its own group gets no traffic at all (CIS 5.4, FSBP EC2.2).
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(tags.named(name + "-default-sg", Map.of("quest:purpose", "emptied: use a security group of your own")))
                .build(), child);

        var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(tags.named(name + "-igw"))
                .build(), child);

        var publicRoutes = new RouteTable(name + "-public-rt", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(igw.id()).build())
                .tags(tags.named(name + "-public-rt", Map.of("tier", "public")))
                .build(), child);

        List<Output<String>> publicIds = new ArrayList<>();
        List<Output<String>> privateIds = new ArrayList<>();
        List<Output<String>> privateRouteTableIds = new ArrayList<>();
        List<NatGateway> nats = new ArrayList<>();
        List<NetworkInterface> natInterfaces = new ArrayList<>();
        var natInstances = new NatInstances(name, args, this, igw);

        for (int i = 0; i < args.availabilityZones().size(); i++) {
            String az = args.availabilityZones().get(i);
            String key = azKey(args.region(), az);

            var publicSubnet = new Subnet(name + "-public-" + key, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(az)
                    .cidrBlock(plan.publicSubnets().get(i).toString())
                    // Nothing in the public tier needs an address of its own: the ALB and NAT get theirs explicitly.
                    .mapPublicIpOnLaunch(false)
                    .tags(tags.named(name + "-public-" + key, Map.of("tier", "public")))
                    .build(), child);
            new RouteTableAssociation(name + "-public-rta-" + key, RouteTableAssociationArgs.builder()
                    .subnetId(publicSubnet.id())
                    .routeTableId(publicRoutes.id())
                    .build(), child);
            publicIds.add(publicSubnet.id());

            if (args.natGateways().natIn(i) && args.natGateways().instances()) {
                natInterfaces.add(natInstances.in(key, az, vpc.id(), publicSubnet.id()));
            } else if (args.natGateways().natIn(i)) {
                var eip = new Eip(name + "-nat-eip-" + key, EipArgs.builder()
                        .domain("vpc")
                        .tags(tags.named(name + "-nat-eip-" + key))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(igw).build());
                nats.add(new NatGateway(name + "-nat-" + key, NatGatewayArgs.builder()
                        .allocationId(eip.id())
                        .subnetId(publicSubnet.id())
                        .connectivityType("public")
                        .tags(tags.named(name + "-nat-" + key))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(igw).build()));
            }
        }

        for (int i = 0; i < args.availabilityZones().size(); i++) {
            String az = args.availabilityZones().get(i);
            String key = azKey(args.region(), az);
            var privateSubnet = new Subnet(name + "-private-" + key, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(az)
                    .cidrBlock(plan.privateSubnets().get(i).toString())
                    .mapPublicIpOnLaunch(false)
                    .tags(tags.named(name + "-private-" + key, Map.of("tier", "private")))
                    .build(), child);
            var routes = RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .tags(tags.named(name + "-private-rt-" + key, Map.of("tier", "private")));
            if (!nats.isEmpty()) {
                NatGateway nat = args.natGateways().perAz() ? nats.get(i) : nats.get(0);
                routes.routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build());
            }
            if (!natInterfaces.isEmpty()) {
                NetworkInterface nat = args.natGateways().perAz() ? natInterfaces.get(i) : natInterfaces.get(0);
                routes.routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").networkInterfaceId(nat.id()).build());
            }
            var routeTable = new RouteTable(name + "-private-rt-" + key, routes.build(), child);
            new RouteTableAssociation(name + "-private-rta-" + key, RouteTableAssociationArgs.builder()
                    .subnetId(privateSubnet.id())
                    .routeTableId(routeTable.id())
                    .build(), child);
            privateIds.add(privateSubnet.id());
            privateRouteTableIds.add(routeTable.id());
        }

        this.isolatedSubnetIds = IsolatedSubnets.create(name, args, plan, vpc.id(), child);
        // The public and private subnets keep the VPC's default network ACL: admin ports closed to the internet.
        DefaultAcl.manage(name, args, vpc.defaultNetworkAclId(), Stream.concat(publicIds.stream(), privateIds.stream()).toList(), child);
        this.flowLogGroupName = flowLogs(name, args, vpc, child);

        // Image layers come from S3: the gateway endpoint is free and keeps that traffic off the NAT.
        new VpcEndpoint(name + "-s3-endpoint", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + args.region() + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(privateRouteTableIds))
                .tags(tags.named(name + "-s3-endpoint"))
                .build(), child);

        if (!args.interfaceEndpoints().isEmpty()) {
            var sg = new SecurityGroup(name + "-endpoints-sg", SecurityGroupArgs.builder()
                    .vpcId(vpc.id())
                    .description("HTTPS to the VPC interface endpoints, from inside the VPC only")
                    .ingress(SecurityGroupIngressArgs.builder()
                            .description("HTTPS from the VPC")
                            .protocol("tcp").fromPort(443).toPort(443)
                            .cidrBlocks(args.cidr().toString())
                            .build())
                    .tags(tags.named(name + "-endpoints-sg"))
                    .build(), child);
            for (InterfaceEndpoint endpoint : args.interfaceEndpoints()) {
                String endpointName = name + "-endpoint-" + endpoint.configValue().replace('.', '-');
                new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                        .vpcId(vpc.id())
                        .serviceName(endpoint.serviceName(args.region()))
                        .vpcEndpointType("Interface")
                        .privateDnsEnabled(true)
                        .subnetIds(Output.all(privateIds))
                        .securityGroupIds(Output.all(List.of(sg.id())))
                        .tags(tags.named(endpointName))
                        .build(), child);
            }
        }

        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();
        this.publicSubnetIds = Output.all(publicIds);
        this.privateSubnetIds = Output.all(privateIds);
        this.availabilityZones = args.availabilityZones();
        registerOutputs(Map.of(
                "vpcId", vpcId,
                "publicSubnetIds", publicSubnetIds,
                "privateSubnetIds", privateSubnetIds,
                "isolatedSubnetIds", isolatedSubnetIds));
    }

    /** VPC flow logs of all traffic into a log group, through a role that can write only there (CIS 3.9, FSBP EC2.6). */
    private Output<String> flowLogs(String name, NetworkArgs args, Vpc vpc, CustomResourceOptions child) {
        var tags = args.tags();
        // A key of its own that CloudWatch Logs may use for this log group only: AWS completes the name at creation,
        // so the key policy names the prefix's ARNs, which only this log group has.
        var logGroup = EncryptedLogGroup.create(name + "-flow-logs", new EncryptedLogGroup.Spec(
                args.accountId(), args.region(), flowLogGroupName(name), args.flowLogRetentionDays(),
                "the VPC flow logs of " + name, args.protectLogs(), args.retainLogs(), tags), this).logGroup();
        var trust = PolicyDocument.of(Statement.trustService("FlowLogsDelivery", ServicePrincipal.VPC_FLOW_LOGS, Partition.of(args.region()))
                .onBehalfOf(args.accountId())
                .when("ArnLike", "aws:SourceArn", Partition.of(args.region()).arn("ec2", args.region(), args.accountId(), "vpc-flow-log/*")));
        var role = new Role(name + "-flow-logs-role", RoleArgs.builder()
                .description("Lets VPC flow logs write to " + name + "'s flow log group, and nowhere else")
                .assumeRolePolicy(trust.toJson())
                .tags(tags.named(name + "-flow-logs-role"))
                .build(), child);
        new RolePolicy(name + "-flow-logs-write", RolePolicyArgs.builder()
                .role(role.name())
                .policy(logGroup.arn().applyValue(arn -> flowLogWritePolicy(arn).toJson()))
                .build(), child);

        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(60)
                .tags(tags.named(name + "-flow-log"))
                .build(), child);
        return logGroup.name();
    }

    /** The flow log group's name: a prefix AWS completes, as the group was first created. */
    static LogGroupName flowLogGroupName(String networkName) {
        return LogGroupName.startingWith("/quest/" + networkName + "/vpc-flow-logs-");
    }

    /** Writing log streams of one log group: all a flow log needs. */
    static PolicyDocument flowLogWritePolicy(String logGroupArn) {
        return PolicyDocument.of(Statement.allow("WriteFlowLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                .resources(logGroupArn, logGroupArn + ":log-stream:*"));
    }

    /** The stable key of an AZ in child names: its letter ({@code eu-west-1a} → {@code a}). */
    static String azKey(String region, String az) {
        return az.startsWith(region) && az.length() > region.length() ? az.substring(region.length()) : az;
    }

    public Output<String> flowLogGroupName() {
        return flowLogGroupName;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<String> vpcCidr() {
        return vpcCidr;
    }

    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    /** The isolated subnets (no route out of the VPC), in AZ order: where databases go. */
    public Output<List<String>> isolatedSubnetIds() {
        return isolatedSubnetIds;
    }

    public List<String> availabilityZones() {
        return availabilityZones;
    }
}
