package io.quest.platform.observability;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * A CloudWatch dashboard body ({@code PutDashboard}'s DashboardBody): the time range it opens on and its
 * widgets. Serialises to the same JSON every time, so plans are stable.
 *
 * @param start          the time range shown when the dashboard opens, as an ISO 8601 duration before now ({@code -PT6H})
 * @param periodOverride {@code auto} or {@code inherit} (widgets keep their own periods)
 * @param widgets        the widgets, in reading order
 */
@JsonPropertyOrder({"start", "periodOverride", "widgets"})
public record DashboardBody(String start, String periodOverride, List<Widget> widgets) {

    /** AWS's limit on a dashboard's widgets. */
    public static final int MAX_WIDGETS = 500;
    /** AWS's limit on a dashboard name's length. */
    public static final int MAX_NAME_LENGTH = 255;

    private static final ObjectMapper JSON = new ObjectMapper();

    public DashboardBody {
        widgets = List.copyOf(widgets);
        if (widgets.isEmpty() || widgets.size() > MAX_WIDGETS) {
            throw new IllegalArgumentException("a dashboard has 1 to " + MAX_WIDGETS + " widgets, not " + widgets.size());
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws unless the name is one CloudWatch accepts: 1 to 255 letters, digits, '-' and '_'. */
    public static String requireValidName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1," + MAX_NAME_LENGTH + "}")) {
            throw new IllegalArgumentException("dashboard name " + name + " is not 1 to " + MAX_NAME_LENGTH
                    + " letters, digits, '-' and '_'");
        }
        return name;
    }
}
