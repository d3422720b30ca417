package io.quest.platform.observability;

import java.util.Map;
import java.util.Objects;

/**
 * The watched service's attributes once known: what alarms and dashboard widgets name as dimensions.
 *
 * @param region               the region the service runs in
 * @param serviceUrl           where the service answers
 * @param albDnsName           the load balancer's DNS name
 * @param albArnSuffix         {@code app/<name>/<id>}: the LoadBalancer dimension
 * @param targetGroupArnSuffix {@code targetgroup/<name>/<id>}: the TargetGroup dimension
 * @param clusterName          the ClusterName dimension
 * @param serviceName          the ServiceName dimension
 * @param logGroupName         the container log group
 * @param imageDigest          the running image's digest; empty when deployed by tag
 * @param canaryName           the CanaryName dimension
 */
public record MonitoredService(
        String region,
        String serviceUrl,
        String albDnsName,
        String albArnSuffix,
        String targetGroupArnSuffix,
        String clusterName,
        String serviceName,
        String logGroupName,
        String imageDigest,
        String canaryName) {

    public MonitoredService {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(albArnSuffix, "albArnSuffix");
        Objects.requireNonNull(targetGroupArnSuffix, "targetGroupArnSuffix");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(logGroupName, "logGroupName");
        Objects.requireNonNull(canaryName, "canaryName");
    }

    /** Dimensions of the load balancer's own metrics. */
    public Map<String, String> loadBalancer() {
        return Map.of("LoadBalancer", albArnSuffix);
    }

    /** Dimensions of the target group's metrics (TargetGroup first, as CloudWatch lists them). */
    public Map<String, String> targetGroup() {
        return ordered("TargetGroup", targetGroupArnSuffix, "LoadBalancer", albArnSuffix);
    }

    /** Dimensions of the ECS service's metrics. */
    public Map<String, String> ecsService() {
        return ordered("ClusterName", clusterName, "ServiceName", serviceName);
    }

    public Map<String, String> canary() {
        return Map.of("CanaryName", canaryName);
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return java.util.Collections.unmodifiableMap(m);
    }
}
