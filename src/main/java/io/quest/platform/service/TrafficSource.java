package io.quest.platform.service;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * Where a {@link WebService}'s traffic comes from: a load balancer's target group that its tasks register in, and the
 * security group those requests leave from. A stack's own {@link LoadBalancer} is one; a {@link ListenerRoute} on another
 * stack's load balancer is the other.
 */
public interface TrafficSource {

    /** The security group of the load balancer the requests come from: the one source the tasks admit. */
    Output<String> securityGroupId();

    /** The target group the service's tasks register in. */
    Output<String> targetGroupArn();

    /** {@code app/<name>/<id>}, as CloudWatch metrics and request-count scaling name the load balancer. */
    Output<String> arnSuffix();

    /** {@code targetgroup/<name>/<id>}. */
    Output<String> targetGroupArnSuffix();

    /** What attaches the target group to a listener: a service must not start before it exists. */
    List<Resource> listeners();
}
