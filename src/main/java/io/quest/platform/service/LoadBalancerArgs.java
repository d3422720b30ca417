package io.quest.platform.service;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LoadBalancer} is made of. Build it with {@link #builder()}: every value is set by name.
 *
 * @param region                     the region, for the log delivery principal. Required
 * @param accountId                  the account, for the access log path and conditions. Required
 * @param vpcId                      the VPC of the target group and security group. Required
 * @param publicSubnetIds            the subnets the load balancer's nodes live in. Required
 * @param containerPort              the port targets listen on. Defaults to 8080
 * @param healthCheckPath            the path the target group checks. Defaults to /
 * @param deregistrationDelaySeconds how long a leaving target drains. Defaults to 30
 * @param tlsMode                    whether there is an HTTPS listener ({@link TlsMode#NONE}: HTTP forwards). Defaults to ACM
 * @param tlsPolicy                  the HTTPS listener's security policy. Defaults to {@link TlsPolicy#TLS13_1_2}
 * @param certificateArn             the certificate of the HTTPS listener; empty only with {@link TlsMode#NONE}
 * @param domainName                 a name to point at the load balancer (a Route 53 alias); empty for none
 * @param hostedZoneId               the zone of {@code domainName}
 * @param accessLogRetentionDays     how long access logs are kept, in days. Defaults to 90
 * @param protect                    deletion protection: AWS's on the load balancer, Pulumi's {@code protect} on its
 *                                   log bucket (which then is never emptied on delete). Defaults to false
 * @param retainOnDelete             whether the log bucket stays in AWS when removed from the program. Defaults to false
 * @param tags                       the platform-wide tag layer. Required
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
        int accessLogRetentionDays,
        boolean protect,
        boolean retainOnDelete,
        Tags tags) {

    public LoadBalancerArgs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(publicSubnetIds, "publicSubnetIds");
        Objects.requireNonNull(healthCheckPath, "healthCheckPath");
        Objects.requireNonNull(tlsMode, "tlsMode");
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(certificateArn, "certificateArn");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        Objects.requireNonNull(tags, "tags");
        if ((tlsMode == TlsMode.NONE) != certificateArn.isEmpty()) {
            throw new IllegalArgumentException("a certificate goes with an HTTPS listener: tls " + tlsMode.configValue()
                    + (certificateArn.isEmpty() ? " needs one" : " takes none"));
        }
        if (domainName.isPresent() != hostedZoneId.isPresent()) {
            throw new IllegalArgumentException("a domain name for the load balancer needs its hosted zone, and the other way round");
        }
        if (accessLogRetentionDays < 1) {
            throw new IllegalArgumentException("access logs are kept at least 1 day, not " + accessLogRetentionDays);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets each value by name; what is not set takes the default documented on {@link LoadBalancerArgs}. */
    public static final class Builder {
        private String region;
        private String accountId;
        private Output<String> vpcId;
        private Output<List<String>> publicSubnetIds;
        private int containerPort = 8080;
        private String healthCheckPath = "/";
        private int deregistrationDelaySeconds = 30;
        private TlsMode tlsMode = TlsMode.ACM;
        private TlsPolicy tlsPolicy = TlsPolicy.TLS13_1_2;
        private Optional<Output<String>> certificateArn = Optional.empty();
        private Optional<String> domainName = Optional.empty();
        private Optional<String> hostedZoneId = Optional.empty();
        private int accessLogRetentionDays = 90;
        private boolean protect;
        private boolean retainOnDelete;
        private Tags tags;

        private Builder() {
        }

        /** The account and region the load balancer lives in. */
        public Builder account(String accountId, String region) {
            this.accountId = accountId;
            this.region = region;
            return this;
        }

        /** The VPC and the public subnets the load balancer's nodes live in. */
        public Builder network(Output<String> vpcId, Output<List<String>> publicSubnetIds) {
            this.vpcId = vpcId;
            this.publicSubnetIds = publicSubnetIds;
            return this;
        }

        public Builder containerPort(int containerPort) {
            this.containerPort = containerPort;
            return this;
        }

        public Builder healthCheckPath(String healthCheckPath) {
            this.healthCheckPath = healthCheckPath;
            return this;
        }

        public Builder deregistrationDelaySeconds(int deregistrationDelaySeconds) {
            this.deregistrationDelaySeconds = deregistrationDelaySeconds;
            return this;
        }

        /** The HTTPS listener's mode, policy and certificate (empty only with {@link TlsMode#NONE}). */
        public Builder tls(TlsMode mode, TlsPolicy policy, Optional<Output<String>> certificateArn) {
            this.tlsMode = mode;
            this.tlsPolicy = policy;
            this.certificateArn = certificateArn;
            return this;
        }

        /** A Route 53 alias {@code domainName} in {@code hostedZoneId} pointing at the load balancer. */
        public Builder alias(String domainName, String hostedZoneId) {
            this.domainName = Optional.of(domainName);
            this.hostedZoneId = Optional.of(hostedZoneId);
            return this;
        }

        public Builder accessLogRetentionDays(int accessLogRetentionDays) {
            this.accessLogRetentionDays = accessLogRetentionDays;
            return this;
        }

        /** Deletion protection of the load balancer and its log bucket; the stack that composes it decides. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public Builder retainOnDelete(boolean retainOnDelete) {
            this.retainOnDelete = retainOnDelete;
            return this;
        }

        public Builder tags(Tags tags) {
            this.tags = tags;
            return this;
        }

        public LoadBalancerArgs build() {
            return new LoadBalancerArgs(region, accountId, vpcId, publicSubnetIds, containerPort, healthCheckPath,
                    deregistrationDelaySeconds, tlsMode, tlsPolicy, certificateArn, domainName, hostedZoneId,
                    accessLogRetentionDays, protect, retainOnDelete, tags);
        }
    }
}
