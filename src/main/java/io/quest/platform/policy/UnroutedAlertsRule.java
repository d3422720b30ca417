package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.observability.Monitoring;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.List;

/**
 * An environment's alert topic has someone to tell: with no subscription, every alarm fires into the void.
 * Medium in production, low elsewhere.
 */
public final class UnroutedAlertsRule implements PolicyRule {

    @Override
    public String id() {
        return "unrouted-alerts";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<String> monitoring = plan.ofType(Monitoring.TYPE).stream().map(PlannedResource::urn).toList();
        List<PlannedResource> subscriptions = plan.ofType("aws:sns/topicSubscription:TopicSubscription");
        List<Finding> findings = new ArrayList<>();
        for (PlannedResource topic : plan.ofType("aws:sns/topic:Topic")) {
            if (!monitoring.contains(topic.parent())) {
                continue;
            }
            boolean subscribed = subscriptions.stream()
                    .anyMatch(s -> String.valueOf(s.input("topic")).endsWith(":" + topic.id()));
            if (!subscribed) {
                findings.add(new Finding(id(), config.production() ? Severity.medium : Severity.low, topic.urn(),
                        "alert topic " + topic.name() + " has no subscriptions, so its alarms notify nobody; set "
                                + "quest-platform:monitoring.emails or quest-platform:monitoring.webhookUrl"));
            }
        }
        return findings;
    }
}
