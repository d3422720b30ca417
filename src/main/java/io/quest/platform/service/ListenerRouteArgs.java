package io.quest.platform.service;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ListenerRoute} is made of: another stack's load balancer, how its listener picks this route's requests,
 * and the target group they go to.
 *
 * @param vpcId                      the VPC of the load balancer, where the target group lives. Required
 * @param loadBalancer               the load balancer and the listener the rule is added to. Required
 * @param routing                    which requests the rule takes: a host name of its own, or a path prefix. Required
 * @param priority                   the rule's priority on the listener, 1 (first) to 50,000; unique per listener
 * @param containerPort              the port targets listen on
 * @param healthCheckPath            the path the target group checks
 * @param deregistrationDelaySeconds how long a leaving target drains
 * @param tags                       the platform-wide tag layer. Required
 */
public record ListenerRouteArgs(
        Output<String> vpcId,
        SharedLoadBalancer loadBalancer,
        Routing routing,
        int priority,
        int containerPort,
        String healthCheckPath,
        int deregistrationDelaySeconds,
        Tags tags) {

    /**
     * The load balancer another stack owns, as its outputs describe it.
     *
     * @param listenerArn     the listener that forwards to services (HTTPS, or HTTP when the load balancer has no TLS)
     * @param securityGroupId the load balancer's security group
     * @param arnSuffix       {@code app/<name>/<id>}
     * @param dnsName         its DNS name
     * @param zoneId          the Route 53 zone of its DNS name, for alias records
     * @param https           whether the listener is HTTPS (a host name then gets a certificate of its own on it)
     */
    public record SharedLoadBalancer(Output<String> listenerArn, Output<String> securityGroupId, Output<String> arnSuffix,
                                     Output<String> dnsName, Output<String> zoneId, boolean https) {
        public SharedLoadBalancer {
            Objects.requireNonNull(listenerArn, "listenerArn");
            Objects.requireNonNull(securityGroupId, "securityGroupId");
            Objects.requireNonNull(arnSuffix, "arnSuffix");
            Objects.requireNonNull(dnsName, "dnsName");
            Objects.requireNonNull(zoneId, "zoneId");
        }
    }

    /**
     * Which requests the rule takes: those for {@code hostName} (a DNS alias to the load balancer in {@code hostedZoneId},
     * and on HTTPS a certificate of its own), or, with no host name, those whose path starts with {@code pathPrefix}.
     */
    public record Routing(Optional<String> hostName, Optional<String> hostedZoneId, String pathPrefix) {
        public Routing {
            Objects.requireNonNull(hostName, "hostName");
            Objects.requireNonNull(hostedZoneId, "hostedZoneId");
            Objects.requireNonNull(pathPrefix, "pathPrefix");
            if (hostName.isPresent() != hostedZoneId.isPresent()) {
                throw new IllegalArgumentException("a routed host name needs its hosted zone, and the other way round");
            }
            if (!pathPrefix.matches("/[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("a path prefix is / and one path segment, not " + pathPrefix);
            }
        }

        /** The requests for one host name, a Route 53 alias in its zone. */
        public static Routing host(String hostName, String hostedZoneId, String pathPrefix) {
            return new Routing(Optional.of(hostName), Optional.of(hostedZoneId), pathPrefix);
        }

        /** The requests whose path starts with the prefix. */
        public static Routing path(String pathPrefix) {
            return new Routing(Optional.empty(), Optional.empty(), pathPrefix);
        }
    }

    public ListenerRouteArgs {
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(healthCheckPath, "healthCheckPath");
        Objects.requireNonNull(tags, "tags");
        if (priority < 1 || priority > 50_000) {
            throw new IllegalArgumentException("a listener rule's priority is 1 to 50000, not " + priority);
        }
    }
}
