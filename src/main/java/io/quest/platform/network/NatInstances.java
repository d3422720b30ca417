package io.quest.platform.network;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceMaintenancePolicyArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.NetworkInterface;
import com.pulumi.aws.ec2.NetworkInterfaceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateNetworkInterfaceArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * NAT instances for {@link NatGateways#INSTANCE} and {@link NatGateways#INSTANCE_PER_AZ}: in each AZ that gets
 * one, a fixed network interface in the public subnet (source/destination check off, an Elastic IP, a security
 * group admitting only the private subnets) that the private route tables point at, and an Auto Scaling group
 * of exactly one small ARM instance whose launch template attaches that interface as its primary one. When the
 * instance fails its EC2 health check the group terminates it and launches another on the same interface, so
 * the routes and the public address never change and nothing on the instance needs permission to move them
 * (Auto Scaling with an existing network interface: docs.aws.amazon.com/autoscaling/ec2/userguide/
 * examples-launch-templates-aws-cli.html#example-existing-eni-launch-template, read 2026-12-02).
 *
 * <p>The instance has no key pair and no SSH: operators reach it through Session Manager, which is all its role
 * may do (AmazonSSMManagedInstanceCore). Instance metadata is IMDSv2 only, the root volume is encrypted.
 */
final class NatInstances {

    /** The instance type: Graviton, the smallest size (burstable; see README for the bandwidth trade-off). */
    static final String INSTANCE_TYPE = "t4g.nano";
    /**
     * The AMI, by AWS's public SSM parameter for the latest Amazon Linux 2023 minimal image on arm64 ("Query for
     * the latest Amazon Linux AMI IDs using Systems Manager Parameter Store", Amazon Linux 2023 User Guide).
     */
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-arm64";
    /** The root volume, GB: gp3, encrypted, deleted with the instance. */
    static final int ROOT_VOLUME_GB = 8;
    /** The AWS managed policy that lets Session Manager reach the instance, and nothing else of note. */
    static final String SSM_POLICY = "AmazonSSMManagedInstanceCore";

    private final String name;
    private final NetworkArgs args;
    private final Resource parent;
    private final CustomResourceOptions child;
    private final InternetGateway igw;
    private SecurityGroup securityGroup;
    private InstanceProfile profile;
    private Output<String> imageId;

    NatInstances(String name, NetworkArgs args, Resource parent, InternetGateway igw) {
        this.name = name;
        this.args = args;
        this.parent = parent;
        this.child = CustomResourceOptions.builder().parent(parent).build();
        this.igw = igw;
    }

    /** The NAT instance of one AZ; returns the network interface the private routes point at. */
    NetworkInterface in(String key, String az, Output<String> vpcId, Output<String> publicSubnetId) {
        shared(vpcId);
        var tags = args.tags();
        var eni = new NetworkInterface(name + "-nat-eni-" + key, NetworkInterfaceArgs.builder()
                .description("NAT instance of " + name + " in " + az + ": private route tables point here")
                .subnetId(publicSubnetId)
                .sourceDestCheck(false)
                .securityGroups(Output.all(List.of(securityGroup.id())))
                .tags(tags.named(name + "-nat-eni-" + key))
                .build(), child);
        new Eip(name + "-nat-eip-" + key, EipArgs.builder()
                .domain("vpc")
                .networkInterface(eni.id())
                .tags(tags.named(name + "-nat-eip-" + key))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(igw).build());
        var template = new LaunchTemplate(name + "-nat-lt-" + key, LaunchTemplateArgs.builder()
                .description("NAT instance of " + name + " in " + az)
                .imageId(imageId)
                .instanceType(INSTANCE_TYPE)
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder().arn(profile.arn()).build())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(1)
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName("/dev/xvda")
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeType("gp3")
                                .volumeSize(ROOT_VOLUME_GB)
                                .encrypted("true")
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .networkInterfaces(LaunchTemplateNetworkInterfaceArgs.builder()
                        .deviceIndex(0)
                        .networkInterfaceId(eni.id())
                        .build())
                .userData(Base64.getEncoder().encodeToString(userData(args.cidr().toString()).getBytes(StandardCharsets.UTF_8)))
                .tagSpecifications(
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("instance").tags(tags.named(name + "-nat-" + key)).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("volume").tags(tags.named(name + "-nat-" + key)).build())
                .updateDefaultVersion(true)
                .tags(tags.named(name + "-nat-lt-" + key))
                .build(), child);
        new Group(name + "-nat-asg-" + key, GroupArgs.builder()
                .availabilityZones(az)
                .minSize(1)
                .maxSize(1)
                .desiredCapacity(1)
                .healthCheckType("EC2")
                .healthCheckGracePeriod(60)
                // The interface can be attached to one instance at a time: replace by terminating first.
                .instanceMaintenancePolicy(GroupInstanceMaintenancePolicyArgs.builder()
                        .minHealthyPercentage(0).maxHealthyPercentage(100).build())
                .launchTemplate(GroupLaunchTemplateArgs.builder().id(template.id()).version("$Latest").build())
                .tags(GroupTagArgs.builder().key("Name").value(name + "-nat-" + key).propagateAtLaunch(true).build())
                .build(), child);
        return eni;
    }

    /** The security group, instance role and AMI every NAT instance of the network shares, made once. */
    private void shared(Output<String> vpcId) {
        if (securityGroup != null) {
            return;
        }
        var tags = args.tags();
        List<String> privateRanges = args.subnetPlan().privateSubnets().stream().map(Ipv4Cidr::toString).toList();
        securityGroup = new SecurityGroup(name + "-nat-sg", SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description("NAT instances: traffic from the private subnets only; out to anywhere")
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("Everything from the private subnets, to be forwarded")
                        .protocol("-1").fromPort(0).toPort(0)
                        .cidrBlocks(privateRanges)
                        .build())
                .egress(SecurityGroupEgressArgs.builder()
                        .description("Forwarded traffic and the instance's own (Session Manager, package updates)")
                        .protocol("-1").fromPort(0).toPort(0)
                        .cidrBlocks("0.0.0.0/0")
                        .build())
                .tags(tags.named(name + "-nat-sg"))
                .build(), child);
        var role = new Role(name + "-nat-role", RoleArgs.builder()
                .description("NAT instances of " + name + ": Session Manager access only")
                .assumeRolePolicy(instanceTrust(Partition.of(args.region())).toJson())
                .tags(tags.named(name + "-nat-role"))
                .build(), child);
        new RolePolicyAttachment(name + "-nat-ssm", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(Partition.of(args.region()).awsManagedPolicy(SSM_POLICY))
                .build(), child);
        profile = new InstanceProfile(name + "-nat-profile", InstanceProfileArgs.builder()
                .role(role.name())
                .tags(tags.named(name + "-nat-profile"))
                .build(), child);
        imageId = SsmFunctions.getParameter(GetParameterArgs.builder().name(AMI_PARAMETER).build(),
                InvokeOptions.builder().parent(parent).build()).applyValue(r -> r.insecureValue());
    }

    /** EC2 may assume the role, for instances in this account only. */
    static PolicyDocument instanceTrust(Partition partition) {
        return PolicyDocument.of(Statement.trustService("Ec2Instances", ServicePrincipal.EC2, partition));
    }

    /**
     * The first-boot script: forward IPv4, masquerade the VPC's traffic out of the primary interface with
     * nftables, and run the Session Manager agent (the minimal AMI ships neither nftables nor the agent).
     */
    static String userData(String vpcCidr) {
        return """
                #!/bin/bash
                set -euo pipefail
                dnf install -y nftables amazon-ssm-agent
                echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf
                sysctl -p /etc/sysctl.d/90-nat.conf
                IFACE=$(ip route show default | awk '{print $5; exit}')
                cat > /etc/sysconfig/nftables.conf <<NFT
                table ip nat {
                  chain postrouting {
                    type nat hook postrouting priority srcnat;
                    ip saddr %s oifname "$IFACE" masquerade
                  }
                }
                NFT
                systemctl enable --now nftables
                systemctl enable --now amazon-ssm-agent
                """.formatted(vpcCidr);
    }
}
