package io.quest.platform.service;

import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

/**
 * The target group a Fargate service's tasks register in, for an environment's own load balancer and for a review
 * stack's route on it alike: IP targets (awsvpc tasks have no instance), HTTP to the container port, and a health check
 * on the service's path that counts any 2xx or 3xx as healthy.
 */
final class TaskTargetGroup {

    private TaskTargetGroup() {
    }

    static TargetGroupArgs args(String logicalName, Output<String> vpcId, int containerPort, int deregistrationDelaySeconds,
                                String healthCheckPath, Tags tags) {
        return TargetGroupArgs.builder()
                .vpcId(vpcId)
                .targetType("ip")
                .protocol("HTTP")
                .port(containerPort)
                .deregistrationDelay(deregistrationDelaySeconds)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .path(healthCheckPath)
                        .matcher("200-399")
                        .interval(15)
                        .timeout(5)
                        .healthyThreshold(2)
                        .unhealthyThreshold(3)
                        .build())
                .tags(tags.named(logicalName))
                .build();
    }
}
