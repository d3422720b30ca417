package io.quest.platform.observability;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One widget of a CloudWatch dashboard body: its type, its place on the 24-column grid and its properties
 * (CloudWatch "Dashboard Body Structure and Syntax").
 */
@JsonPropertyOrder({"type", "x", "y", "width", "height", "properties"})
public sealed interface Widget permits MetricWidget, TextWidget, LogWidget {

    /** Columns of the dashboard grid. */
    int GRID_WIDTH = 24;

    @JsonProperty("type")
    String type();

    int x();

    int y();

    int width();

    int height();

    /** Throws when the widget does not fit the grid CloudWatch lays out. */
    static void checkPlacement(int x, int y, int width, int height) {
        if (width < 1 || width > GRID_WIDTH || x < 0 || x + width > GRID_WIDTH) {
            throw new IllegalArgumentException("a widget spans columns " + x + " to " + (x + width) + "; the grid has " + GRID_WIDTH);
        }
        if (height < 1 || height > 1000 || y < 0) {
            throw new IllegalArgumentException("a widget is 1 to 1000 rows high at a row from 0, not " + height + " at " + y);
        }
    }
}
