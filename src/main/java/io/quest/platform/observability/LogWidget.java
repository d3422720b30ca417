package io.quest.platform.observability;

import java.util.Objects;

/** The result of a CloudWatch Logs Insights query, as a table. */
public record LogWidget(int x, int y, int width, int height, Properties properties) implements Widget {

    public LogWidget {
        Widget.checkPlacement(x, y, width, height);
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public String type() {
        return "log";
    }

    /**
     * @param title  shown above the table
     * @param region the region of the log group
     * @param query  {@code SOURCE '<log group>' | <Logs Insights query>}
     * @param view   {@code table}, {@code timeSeries}, {@code bar} or {@code pie}
     */
    public record Properties(String title, String region, String query, String view) {

        public Properties {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(view, "view");
        }
    }
}
