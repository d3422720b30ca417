package io.quest.platform.data;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.observability.DashboardBody;
import io.quest.platform.observability.DashboardMetric;
import io.quest.platform.observability.MetricWidget;
import io.quest.platform.observability.TextWidget;
import io.quest.platform.observability.Widget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of a {@link Database}, {@code quest-<name>}, beside its alarms in the data stack that owns the database
 * (the environment stack deploys first and would draw a database that may not exist yet): the metric each alarm watches,
 * then latency and throughput, for the last 6 hours. Aurora's metrics are drawn for the cluster
 * ({@code DBClusterIdentifier}), RDS's for the instance ({@code DBInstanceIdentifier}), as the alarms read them.
 */
final class DatabaseDashboard {

    static final String NAMESPACE = "AWS/RDS";
    private static final int HALF = Widget.GRID_WIDTH / 2;
    private static final int HEIGHT = 6;

    private DatabaseDashboard() {
    }

    /** The dashboard's name. */
    static String dashboardName(String name) {
        return DashboardBody.requireValidName("quest-" + name);
    }

    static Dashboard create(String name, DatabaseSpec spec, String region, CustomResourceOptions child) {
        return new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(dashboardName(name))
                .dashboardBody(body(name, spec, region).toJson())
                .build(), child);
    }

    /** The body: a header, then two graphs a row. */
    static DashboardBody body(String name, DatabaseSpec spec, String region) {
        Map<String, String> dims = spec.aurora() ? Map.of("DBClusterIdentifier", name) : Map.of("DBInstanceIdentifier", name);
        List<Widget> widgets = new ArrayList<>();
        widgets.add(new TextWidget(0, 0, Widget.GRID_WIDTH, 2, new TextWidget.Properties("# " + name + "\n"
                + (spec.aurora() ? "Aurora PostgreSQL Serverless v2 cluster `" + name + "`, " + spec.instances() + " instance(s), "
                + spec.minCapacity() + " to " + spec.maxCapacity() + " ACUs" : "RDS for PostgreSQL instance `" + name + "`, "
                + spec.instanceClass() + ", " + spec.allocatedStorageGb() + " GiB gp3")
                + ". Its alarms (" + String.join(", ", DatabaseAlarms.alarms(spec).stream().map(a -> name + "-" + a.suffix()).toList())
                + ") notify the environment's alert topic. Slow queries: Performance Insights.")));
        List<MetricWidget> graphs = new ArrayList<>();
        graphs.add(graph(region, "CPU (%)", metric("CPUUtilization", dims, "Average", "CPU")));
        graphs.add(graph(region, "Connections", metric("DatabaseConnections", dims, "Maximum", "connections")));
        graphs.add(graph(region, "Freeable memory (bytes)", metric("FreeableMemory", dims, "Minimum", "freeable memory")));
        if (spec.aurora()) {
            graphs.add(graph(region, "Capacity", metric("ServerlessDatabaseCapacity", dims, "Average", "ACUs"),
                    metric("ACUUtilization", dims, "Average", "% of max capacity")));
        } else {
            graphs.add(graph(region, "Free storage (bytes)", metric("FreeStorageSpace", dims, "Minimum", "free storage")));
        }
        graphs.add(graph(region, "Latency (s)", metric("ReadLatency", dims, "Average", "read"),
                metric("WriteLatency", dims, "Average", "write")));
        graphs.add(graph(region, "I/O operations per second", metric("ReadIOPS", dims, "Average", "read"),
                metric("WriteIOPS", dims, "Average", "write")));
        if (spec.aurora() && spec.instances() > 1) {
            graphs.add(graph(region, "Replica lag (ms)", metric("AuroraReplicaLagMaximum", dims, "Maximum", "slowest reader")));
        }
        for (int i = 0; i < graphs.size(); i++) {
            MetricWidget g = graphs.get(i);
            widgets.add(new MetricWidget(i % 2 == 0 ? 0 : HALF, 2 + (i / 2) * HEIGHT, HALF, HEIGHT, g.properties()));
        }
        return new DashboardBody("-PT6H", "inherit", widgets);
    }

    private static DashboardMetric.Metric metric(String metricName, Map<String, String> dims, String stat, String label) {
        return DashboardMetric.Metric.of(NAMESPACE, metricName, dims, stat, label);
    }

    private static MetricWidget graph(String region, String title, DashboardMetric... metrics) {
        return new MetricWidget(0, 0, HALF, HEIGHT, new MetricWidget.Properties(title, region, "timeSeries", false, 300, List.of(metrics)));
    }
}
