package io.quest.platform.network;

import com.pulumi.aws.ec2.DefaultNetworkAcl;
import com.pulumi.aws.ec2.DefaultNetworkAclArgs;
import com.pulumi.aws.ec2.inputs.DefaultNetworkAclEgressArgs;
import com.pulumi.aws.ec2.inputs.DefaultNetworkAclIngressArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the VPC's default network ACL, which the public and private subnets use (the isolated ones have a
 * network ACL of their own, {@link IsolatedSubnets}). AWS creates it allowing everything in and out; this keeps what the
 * subnets need and closes remote administration (TCP and UDP 22 and 3389) to the internet, IPv4 and IPv6 (FSBP EC2.21,
 * CIS v3.0 5.1 and 5.2):
 * <ul>
 *   <li>everything from inside the VPC first: the load balancer to the tasks, the tasks to the interface endpoints and
 *       to the NAT, whatever their ports;</li>
 *   <li>then 22 and 3389 denied from {@code 0.0.0.0/0} and {@code ::/0}, and WinRM's TCP 5985-5986 with them;</li>
 *   <li>then from anywhere: 80 and 443 (the load balancer), the return traffic of connections made from inside (the NAT
 *       gateway's and NAT instances' translated ports, the tasks' and instances' own: TCP and UDP 1024 to 65535, 3389
 *       left out so no allow rule covers an administration port), and ICMP destination unreachable (path MTU
 *       discovery);</li>
 *   <li>out: everything (IPv4). No IPv6 is allowed in or out; the VPC has no IPv6 range.</li>
 * </ul>
 * A connection the NAT gateway happens to translate to source port 3389, 5985 or 5986 gets no reply (AWS picks the
 * port among 1024-65535; the client retries on another): that is the price of the denies. 18 inbound rules, within
 * the 20 a network ACL takes by default. Rules are stored with AWS's protocol
 * numbers, so the provider sees no difference between what it wrote and what AWS returns.
 *
 * <p>{@code aws.ec2.DefaultNetworkAcl} adopts the VPC's existing default ACL: it creates no ACL, replaces nothing, and
 * on its first update removes the ACL's rules and writes these (for a moment the subnets have none but the final
 * deny); removed from the program it leaves the ACL in place ("Provides a resource to manage a VPC's default network
 * ACL ... does not create this resource but instead attempts to adopt it", https://www.pulumi.com/registry/packages/aws/api-docs/ec2/defaultnetworkacl/,
 * AWS v6.83.0, read 2026-12-02). The public and private subnets are named as its subnets: they are associated with it
 * already, and named they show no drift.
 */
final class DefaultAcl {

    /** The administration ports closed to the internet: SSH and RDP. */
    static final List<Integer> ADMIN_PORTS = List.of(22, 3389);
    /** Windows Remote Management over HTTP and HTTPS. */
    static final int WINRM_FROM = 5985;
    static final int WINRM_TO = 5986;
    static final String ANY_IPV4 = "0.0.0.0/0";
    static final String ANY_IPV6 = "::/0";
    /** ICMP type 3, destination unreachable (with code 4, fragmentation needed, path MTU discovery relies on). */
    static final int ICMP_DESTINATION_UNREACHABLE = 3;

    private DefaultAcl() {
    }

    /** The inbound rules, for a VPC of this range. */
    static List<AclRule> ingress(String vpcCidr) {
        List<AclRule> rules = new ArrayList<>();
        rules.add(new AclRule(10, true, AclRule.ALL, 0, 0, vpcCidr));
        int ruleNo = 20;
        for (String anywhere : List.of(ANY_IPV4, ANY_IPV6)) {
            for (String protocol : List.of(AclRule.TCP, AclRule.UDP)) {
                for (int port : ADMIN_PORTS) {
                    rules.add(new AclRule(ruleNo++, false, protocol, port, port, anywhere));
                }
            }
        }
        // WinRM (5985 HTTP, 5986 HTTPS), the other remote administration port the gate watches for, in the return range.
        for (String anywhere : List.of(ANY_IPV4, ANY_IPV6)) {
            rules.add(new AclRule(ruleNo++, false, AclRule.TCP, WINRM_FROM, WINRM_TO, anywhere));
        }
        rules.add(new AclRule(100, true, AclRule.TCP, 80, 80, ANY_IPV4));
        rules.add(new AclRule(110, true, AclRule.TCP, 443, 443, ANY_IPV4));
        rules.add(new AclRule(120, true, AclRule.TCP, 1024, 3388, ANY_IPV4));
        rules.add(new AclRule(121, true, AclRule.TCP, 3390, 65535, ANY_IPV4));
        rules.add(new AclRule(130, true, AclRule.UDP, 1024, 3388, ANY_IPV4));
        rules.add(new AclRule(131, true, AclRule.UDP, 3390, 65535, ANY_IPV4));
        rules.add(new AclRule(140, true, AclRule.ICMP, ICMP_DESTINATION_UNREACHABLE, -1, ANY_IPV4));
        return List.copyOf(rules);
    }

    /** The outbound rules: everything, IPv4. */
    static List<AclRule> egress() {
        return List.of(new AclRule(100, true, AclRule.ALL, 0, 0, ANY_IPV4));
    }

    /**
     * What the rules decide for an inbound packet: the first matching rule's action, or deny when none matches (AWS's
     * final {@code *} rule). ICMP packets are matched by protocol and range only.
     */
    static boolean admits(List<AclRule> rules, String protocol, int port, String source) {
        Optional<AclRule> first = rules.stream().sorted(java.util.Comparator.comparingInt(AclRule::ruleNo))
                .filter(r -> r.matches(protocol, port, source)).findFirst();
        return first.map(AclRule::allow).orElse(false);
    }

    /** Adopts the VPC's default network ACL with these rules, for the subnets that use it. */
    static DefaultNetworkAcl manage(String name, NetworkArgs args, Output<String> defaultAclId, List<Output<String>> subnetIds,
                                    CustomResourceOptions child) {
        String vpcCidr = args.cidr().toString();
        return new DefaultNetworkAcl(name + "-default-nacl", DefaultNetworkAclArgs.builder()
                .defaultNetworkAclId(defaultAclId)
                .subnetIds(Output.all(subnetIds))
                .ingress(ingress(vpcCidr).stream().map(DefaultAcl::ingressArgs).toList())
                .egress(egress().stream().map(DefaultAcl::egressArgs).toList())
                .tags(args.tags().named(name + "-default-nacl", Map.of("quest:purpose", "public and private subnets; admin ports closed")))
                .build(), child);
    }

    private static DefaultNetworkAclIngressArgs ingressArgs(AclRule rule) {
        var b = DefaultNetworkAclIngressArgs.builder().ruleNo(rule.ruleNo()).action(rule.allow() ? "allow" : "deny").protocol(rule.protocol());
        if (rule.protocol().equals(AclRule.ICMP)) {
            b.fromPort(0).toPort(0).icmpType(rule.fromPort()).icmpCode(rule.toPort());
        } else {
            b.fromPort(rule.fromPort()).toPort(rule.toPort());
        }
        return rule.ipv6() ? b.ipv6CidrBlock(rule.cidr()).build() : b.cidrBlock(rule.cidr()).build();
    }

    private static DefaultNetworkAclEgressArgs egressArgs(AclRule rule) {
        var b = DefaultNetworkAclEgressArgs.builder().ruleNo(rule.ruleNo()).action(rule.allow() ? "allow" : "deny")
                .protocol(rule.protocol()).fromPort(rule.fromPort()).toPort(rule.toPort());
        return rule.ipv6() ? b.ipv6CidrBlock(rule.cidr()).build() : b.cidrBlock(rule.cidr()).build();
    }
}
