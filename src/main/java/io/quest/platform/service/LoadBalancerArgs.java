package io.quest.platform.service;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LoadBalancer} is made of.
 *
 * @param region                     the region, for the log delivery principal
 * @param accountId                  the account, for the access log path and conditions
 * @param vpcId                      the VPC of the target group and security group
 * @param publicSubnetIds            the subnets the load balancer's nodes live in
 * @param containerPort              the port targets listen on
 * @param healthCheckPath            the path the target group checks
 * @param deregistrationDelaySeconds how long a leaving target drains
 * @param tlsMode                    whether there is an HTTPS listener ({@link TlsMode#NONE}: HTTP forwards)
 * @param tlsPolicy                  the HTTPS listener's security policy
 * @param certificateArn             the certificate of the HTTPS listener; empty only with {@link TlsMode#NONE}
 * @param domainName                 a name to point at the load balancer (a Route 53 alias); empty for none
 * @param hostedZoneId               the zone of {@code domainName}
 * @param production                 deletion protection on the load balancer and its log bucket
 * @param accessLogRetentionDays     how long access logs are kept
 * @param tags                       the platform-wide tag layer
 */
public record LoadBalancerArgs(
        String region,
        String accountId,
        Output<String> vpcId,
        Output<List<String>> publicSubnetIds,
        int containerPort,
        String healthCheckPath,
        int deregistrationDelaySeconds,
        TlsMode tlsMode,
        TlsPolicy tlsPolicy,
        Optional<Output<String>> certificateArn,
        Optional<String> domainName,
        Optional<String> hostedZoneId,
        boolean production,
        int accessLogRetentionDays,
        Tags tags) {

    public LoadBalancerArgs {
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(publicSubnetIds, "publicSubnetIds");
        Objects.requireNonNull(tlsMode, "tlsMode");
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(tags, "tags");
        if ((tlsMode == TlsMode.NONE) != certificateArn.isEmpty()) {
            throw new IllegalArgumentException("a certificate goes with an HTTPS listener: tls " + tlsMode.configValue()
                    + (certificateArn.isEmpty() ? " needs one" : " takes none"));
        }
        if (domainName.isPresent() != hostedZoneId.isPresent()) {
            throw new IllegalArgumentException("a domain name for the load balancer needs its hosted zone, and the other way round");
        }
    }
}
