package io.quest.platform.observability;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a metric widget's {@code metrics} array: a metric ({@code [namespace, name, dim, value, ..., {options}]})
 * or a metric math expression ({@code [{"expression": ..., "id": ...}]}).
 */
public sealed interface DashboardMetric permits DashboardMetric.Metric, DashboardMetric.Expression {

    /** A metric with its dimensions, in order, and how it is drawn. */
    record Metric(String namespace, String metricName, Map<String, String> dimensions, String stat, String label, String id,
                  boolean visible) implements DashboardMetric {

        public Metric {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(metricName, "metricName");
            Objects.requireNonNull(stat, "stat");
            dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        }

        /** A visible metric labelled with its own name. */
        public static Metric of(String namespace, String metricName, Map<String, String> dimensions, String stat, String label) {
            return new Metric(namespace, metricName, dimensions, stat, label, null, true);
        }

        /** The same metric, hidden and named {@code id}, as an input of an expression. */
        public Metric asInput(String id) {
            return new Metric(namespace, metricName, dimensions, stat, label, id, false);
        }

        @JsonValue
        List<Object> json() {
            List<Object> line = new ArrayList<>();
            line.add(namespace);
            line.add(metricName);
            dimensions.forEach((k, v) -> {
                line.add(k);
                line.add(v);
            });
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("stat", stat);
            if (label != null) {
                options.put("label", label);
            }
            if (id != null) {
                options.put("id", id);
            }
            if (!visible) {
                options.put("visible", false);
            }
            line.add(options);
            return line;
        }
    }

    /** A metric math expression over the ids of other lines. */
    record Expression(String expression, String label, String id) implements DashboardMetric {

        public Expression {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(id, "id");
        }

        @JsonValue
        List<Object> json() {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("expression", expression);
            if (label != null) {
                options.put("label", label);
            }
            options.put("id", id);
            return List.of(options);
        }
    }
}
