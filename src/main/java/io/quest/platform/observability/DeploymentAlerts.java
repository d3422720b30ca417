package io.quest.platform.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Alerts when a deployment of the service fails. With the circuit breaker on, ECS rolls a failed deployment back
 * and sends an {@code ECS Deployment State Change} event named {@code SERVICE_DEPLOYMENT_FAILED}, whose
 * {@code resources} hold the service's ARN (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_deployment_events.html,
 * read 2026-12-02). An EventBridge rule matching that event for this service only publishes it to the alert topic,
 * so a rollback that {@code pulumi up} reports as a failure also reaches whoever is on call.
 */
final class DeploymentAlerts {

    static final String FAILED = "SERVICE_DEPLOYMENT_FAILED";

    private DeploymentAlerts() {
    }

    /** Registers the rule and its target under {@code parent}; returns the rule. */
    static EventRule register(Monitoring parent, String name, MonitoringArgs args, Topic topic) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var rule = new EventRule(name + "-deploy-failed", EventRuleArgs.builder()
                .description("A deployment of the " + args.environment() + " service failed and ECS rolled it back")
                .eventPattern(Output.tuple(args.service().clusterName(), args.service().serviceName())
                        .applyValue(t -> pattern(t.t1, t.t2)))
                .tags(args.tags().named(name + "-deploy-failed"))
                .build(), child);
        new EventTarget(name + "-deploy-failed-alert", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(topic.arn())
                .build(), child);
        return rule;
    }

    /**
     * The event pattern: a failed deployment of service {@code service} in cluster {@code cluster}. The service's ARN
     * is matched by its suffix ({@code :service/<cluster>/<service>}), which holds in every partition and region
     * (EventBridge's {@code suffix} operator: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html,
     * read 2026-12-02).
     */
    static String pattern(String cluster, String service) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode pattern = json.createObjectNode();
        pattern.putArray("source").add("aws.ecs");
        pattern.putArray("detail-type").add("ECS Deployment State Change");
        ArrayNode resources = pattern.putArray("resources");
        resources.addObject().put("suffix", ":service/" + cluster + "/" + service);
        pattern.putObject("detail").putArray("eventName").add(FAILED);
        return pattern.toString();
    }
}
