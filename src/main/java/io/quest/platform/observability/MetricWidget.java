package io.quest.platform.observability;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/** A graph (or single number) of metrics and metric math. */
public record MetricWidget(int x, int y, int width, int height, Properties properties) implements Widget {

    public MetricWidget {
        Widget.checkPlacement(x, y, width, height);
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public String type() {
        return "metric";
    }

    /**
     * @param title   shown above the graph
     * @param region  the region the metrics are in
     * @param view    {@code timeSeries} or {@code singleValue}
     * @param stacked whether lines are stacked
     * @param period  seconds per data point
     * @param metrics the lines drawn
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(String title, String region, String view, boolean stacked, int period, List<DashboardMetric> metrics) {

        public Properties {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(region, "region");
            metrics = List.copyOf(metrics);
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("metric widget " + title + " has no metrics");
            }
        }
    }
}
