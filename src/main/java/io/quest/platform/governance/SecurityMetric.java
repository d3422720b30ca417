package io.quest.platform.governance;

import java.util.Objects;

/**
 * A CloudWatch metric a trail's metric filter publishes: one count per matching CloudTrail event. What an
 * {@link AuditTrail} alarm watches.
 *
 * @param name        the metric name
 * @param namespace   the metric namespace
 * @param description what a data point means, for alarm descriptions
 */
public record SecurityMetric(String name, String namespace, String description) {

    public SecurityMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(description, "description");
    }
}
