package io.quest.platform.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudWatch dimensions of the metrics the monitoring watches, in the order CloudWatch lists them, shared by
 * the alarms and the dashboard so that both name the same series. The values are the service's real attributes
 * (ARN suffixes, cluster and service names), never names guessed here.
 */
final class Dimensions {

    private Dimensions() {
    }

    /** The load balancer's own metrics. */
    static Map<String, String> loadBalancer(String albArnSuffix) {
        return Map.of("LoadBalancer", albArnSuffix);
    }

    /** The target group's metrics (TargetGroup first). */
    static Map<String, String> targetGroup(String targetGroupArnSuffix, String albArnSuffix) {
        return ordered("TargetGroup", targetGroupArnSuffix, "LoadBalancer", albArnSuffix);
    }

    /** The ECS service's metrics (ClusterName first). */
    static Map<String, String> ecsService(String clusterName, String serviceName) {
        return ordered("ClusterName", clusterName, "ServiceName", serviceName);
    }

    /** The canary's metrics. */
    static Map<String, String> canary(String canaryName) {
        return Map.of("CanaryName", canaryName);
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return Collections.unmodifiableMap(m);
    }
}
