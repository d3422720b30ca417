package io.quest.platform.observability;

import java.util.ArrayList;
import java.util.List;

import static io.quest.platform.observability.ServiceMetrics.ALB;
import static io.quest.platform.observability.ServiceMetrics.CONTAINER_INSIGHTS;
import static io.quest.platform.observability.ServiceMetrics.ECS;
import static io.quest.platform.observability.ServiceMetrics.SYNTHETICS;

/**
 * The environment's dashboard: what an on-call engineer looks at first. Traffic and errors, latency
 * percentiles, target health, CPU and memory, running tasks, the canary, and the latest errors in the logs,
 * on a 24-column grid, six rows per graph.
 */
public final class ServiceDashboard {

    private static final int HALF = Widget.GRID_WIDTH / 2;
    private static final int GRAPH_HEIGHT = 6;

    private ServiceDashboard() {
    }

    /** The dashboard body for a service whose attributes are known. */
    public static DashboardBody body(String environment, MonitoredService s) {
        List<Widget> widgets = new ArrayList<>();
        widgets.add(new TextWidget(0, 0, Widget.GRID_WIDTH, 3, new TextWidget.Properties(header(environment, s))));
        int row = 3;
        widgets.add(graph(0, row, s, "Requests",
                DashboardMetric.Metric.of(ALB, ServiceMetrics.REQUEST_COUNT, s.targetGroup(), "Sum", "requests")));
        var requests = DashboardMetric.Metric.of(ALB, ServiceMetrics.REQUEST_COUNT, s.targetGroup(), "Sum", "requests");
        widgets.add(graph(HALF, row, s, "5xx responses",
                new DashboardMetric.Metric(ALB, ServiceMetrics.TARGET_5XX, s.targetGroup(), "Sum", "service 5xx", "m1", true),
                DashboardMetric.Metric.of(ALB, ServiceMetrics.ELB_5XX, s.loadBalancer(), "Sum", "load balancer 5xx"),
                requests.asInput("m2"),
                new DashboardMetric.Expression("100 * FILL(m1, 0) / m2", "service 5xx rate (%)", "e1")));
        row += GRAPH_HEIGHT;
        widgets.add(graph(0, row, s, "Target response time (s)",
                DashboardMetric.Metric.of(ALB, ServiceMetrics.TARGET_RESPONSE_TIME, s.targetGroup(), "p50", "p50"),
                DashboardMetric.Metric.of(ALB, ServiceMetrics.TARGET_RESPONSE_TIME, s.targetGroup(), "p90", "p90"),
                DashboardMetric.Metric.of(ALB, ServiceMetrics.TARGET_RESPONSE_TIME, s.targetGroup(), "p99", "p99")));
        widgets.add(graph(HALF, row, s, "Targets",
                DashboardMetric.Metric.of(ALB, ServiceMetrics.HEALTHY_HOSTS, s.targetGroup(), "Minimum", "healthy"),
                DashboardMetric.Metric.of(ALB, ServiceMetrics.UNHEALTHY_HOSTS, s.targetGroup(), "Maximum", "unhealthy")));
        row += GRAPH_HEIGHT;
        widgets.add(graph(0, row, s, "CPU and memory (%)",
                DashboardMetric.Metric.of(ECS, ServiceMetrics.CPU, s.ecsService(), "Average", "CPU"),
                DashboardMetric.Metric.of(ECS, ServiceMetrics.MEMORY, s.ecsService(), "Average", "memory")));
        widgets.add(graph(HALF, row, s, "Tasks",
                DashboardMetric.Metric.of(CONTAINER_INSIGHTS, ServiceMetrics.RUNNING_TASKS, s.ecsService(), "Average", "running"),
                DashboardMetric.Metric.of(CONTAINER_INSIGHTS, ServiceMetrics.DESIRED_TASKS, s.ecsService(), "Average", "desired")));
        row += GRAPH_HEIGHT;
        widgets.add(graph(0, row, s, "Canary success (%)",
                DashboardMetric.Metric.of(SYNTHETICS, ServiceMetrics.CANARY_SUCCESS, s.canary(), "Average", "success")));
        widgets.add(graph(HALF, row, s, "Canary duration (ms)",
                DashboardMetric.Metric.of(SYNTHETICS, ServiceMetrics.CANARY_DURATION, s.canary(), "Average", "duration")));
        row += GRAPH_HEIGHT;
        widgets.add(new LogWidget(0, row, Widget.GRID_WIDTH, 8, new LogWidget.Properties(
                LogQuery.RECENT_ERRORS.title(), s.region(), LogQuery.RECENT_ERRORS.against(s.logGroupName()), "table")));
        return new DashboardBody("-PT6H", "inherit", widgets);
    }

    private static MetricWidget graph(int x, int y, MonitoredService s, String title, DashboardMetric... metrics) {
        return new MetricWidget(x, y, HALF, GRAPH_HEIGHT,
                new MetricWidget.Properties(title, s.region(), "timeSeries", false, 60, List.of(metrics)));
    }

    private static String header(String environment, MonitoredService s) {
        String image = s.imageDigest() == null || s.imageDigest().isEmpty() ? "deployed by tag" : "`" + s.imageDigest() + "`";
        return "# " + environment + " service\n"
                + "URL: " + s.serviceUrl() + " · load balancer `" + s.albDnsName() + "` · cluster `" + s.clusterName()
                + "` · service `" + s.serviceName() + "` · image " + image + "\n\n"
                + "Alarms notify the environment's alert topic; each alarm's description says what to do. Logs: `"
                + s.logGroupName() + "` (saved queries under quest/" + environment + "/).";
    }
}
