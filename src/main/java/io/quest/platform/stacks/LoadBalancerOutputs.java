package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import io.quest.platform.service.ListenerRouteArgs;
import io.quest.platform.service.LoadBalancer;
import io.quest.platform.service.ServiceOutputs;

/**
 * What another stack needs to route through an environment's load balancer (a review stack's {@code ListenerRoute}): the
 * listener that forwards to services, the security group requests leave from, and what a DNS alias names. The load
 * balancer's ARN suffix and DNS name are the service layer's outputs ({@link ServiceOutputs}), read under their names.
 *
 * @param listenerArn     the forwarding listener (HTTPS; HTTP when the environment has no TLS)
 * @param securityGroupId the load balancer's security group
 * @param zoneId          the Route 53 zone of the load balancer's DNS name
 * @param arnSuffix       {@code app/<name>/<id>}
 * @param dnsName         the load balancer's DNS name
 */
public record LoadBalancerOutputs(Output<String> listenerArn, Output<String> securityGroupId, Output<String> zoneId,
                                  Output<String> arnSuffix, Output<String> dnsName) {

    static final String LISTENER_ARN = "albListenerArn";
    static final String SECURITY_GROUP_ID = "albSecurityGroupId";
    static final String ZONE_ID = "albZoneId";

    static LoadBalancerOutputs of(LoadBalancer loadBalancer) {
        return new LoadBalancerOutputs(loadBalancer.forwardingListenerArn(), loadBalancer.securityGroupId(), loadBalancer.zoneId(),
                loadBalancer.arnSuffix(), loadBalancer.dnsName());
    }

    /** Exports what {@link ServiceOutputs} does not already: the listener, the security group and the zone. */
    public void export(Context ctx) {
        ctx.export(LISTENER_ARN, listenerArn);
        ctx.export(SECURITY_GROUP_ID, securityGroupId);
        ctx.export(ZONE_ID, zoneId);
    }

    public static LoadBalancerOutputs from(StackReference ref) {
        return new LoadBalancerOutputs(
                StackOutputs.string(ref, LISTENER_ARN),
                StackOutputs.string(ref, SECURITY_GROUP_ID),
                StackOutputs.string(ref, ZONE_ID),
                StackOutputs.string(ref, ServiceOutputs.ALB_ARN_SUFFIX),
                StackOutputs.string(ref, ServiceOutputs.ALB_DNS_NAME));
    }

    /** The load balancer as a {@code ListenerRoute} uses it; {@code https} says whether the listener is HTTPS. */
    public ListenerRouteArgs.SharedLoadBalancer shared(boolean https) {
        return new ListenerRouteArgs.SharedLoadBalancer(listenerArn, securityGroupId, arnSuffix, dnsName, zoneId, https);
    }
}
