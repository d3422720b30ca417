package io.quest.platform.observability;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * The service a {@link Monitoring} watches, as the service layer hands it over (its {@code ServiceOutputs}).
 *
 * @param serviceUrl           where the service answers (https://domain, or http:// the load balancer's name)
 * @param albDnsName           the load balancer's DNS name
 * @param albArnSuffix         {@code app/<name>/<id>}: the LoadBalancer dimension of ALB metrics
 * @param targetGroupArnSuffix {@code targetgroup/<name>/<id>}: the TargetGroup dimension
 * @param clusterName          the ECS cluster: the ClusterName dimension
 * @param serviceName          the ECS service: the ServiceName dimension
 * @param logGroupName         the container log group the saved queries read
 * @param imageDigest          the running image's digest, shown on the dashboard; empty when deployed by tag
 */
public record WatchedService(
        Output<String> serviceUrl,
        Output<String> albDnsName,
        Output<String> albArnSuffix,
        Output<String> targetGroupArnSuffix,
        Output<String> clusterName,
        Output<String> serviceName,
        Output<String> logGroupName,
        Output<String> imageDigest) {

    public WatchedService {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(albDnsName, "albDnsName");
        Objects.requireNonNull(albArnSuffix, "albArnSuffix");
        Objects.requireNonNull(targetGroupArnSuffix, "targetGroupArnSuffix");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(logGroupName, "logGroupName");
        Objects.requireNonNull(imageDigest, "imageDigest");
    }
}
