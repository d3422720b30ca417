package io.quest.platform.observability;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.service.ServiceOutputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Registers the dashboard of {@code args}' service, named {@code dashboardName}, its body built once every attribute is known. */
    static Dashboard register(Monitoring parent, String name, String dashboardName, MonitoringArgs args, Output<String> canaryName) {
        Output<String> body = Output.tuple(args.service().values(), canaryName)
                .applyValue(t -> body(args.environment(), args.region(), t.t1, t.t2).toJson());
        return new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(dashboardName)
                .dashboardBody(body)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /**
     * The dashboard body for a service whose attributes are known.
     *
     * @param service the service's attributes by output name ({@link ServiceOutputs#values()})
     */
    public static DashboardBody body(String environment, String region, Map<String, String> service, String canaryName) {
        var s = new Series(region, service, canaryName);
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
                LogQuery.RECENT_ERRORS.title(), s.region(), LogQuery.RECENT_ERRORS.against(s.get(ServiceOutputs.LOG_GROUP_NAME)), "table")));
        return new DashboardBody("-PT6H", "inherit", widgets);
    }

    private static MetricWidget graph(int x, int y, Series s, String title, DashboardMetric... metrics) {
        return new MetricWidget(x, y, HALF, GRAPH_HEIGHT,
                new MetricWidget.Properties(title, s.region(), "timeSeries", false, 60, List.of(metrics)));
    }

    private static String header(String environment, Series s) {
        String digest = s.get(ServiceOutputs.IMAGE_DIGEST);
        String image = digest == null || digest.isEmpty() ? "deployed by tag" : "`" + digest + "`";
        return "# " + environment + " service\n"
                + "URL: " + s.get(ServiceOutputs.SERVICE_URL) + " · load balancer `" + s.get(ServiceOutputs.ALB_DNS_NAME)
                + "` · cluster `" + s.get(ServiceOutputs.CLUSTER_NAME) + "` · service `" + s.get(ServiceOutputs.SERVICE_NAME)
                + "` · image " + image + "\n\n"
                + "Alarms notify the environment's alert topic; each alarm's description says what to do. Logs: `"
                + s.get(ServiceOutputs.LOG_GROUP_NAME) + "` (saved queries under quest/" + environment + "/).";
    }

    /** The known attributes, read by output name, and the dimensions of each series the widgets draw. */
    private record Series(String region, Map<String, String> service, String canaryName) {

        String get(String outputName) {
            return service.get(outputName);
        }

        Map<String, String> loadBalancer() {
            return Dimensions.loadBalancer(get(ServiceOutputs.ALB_ARN_SUFFIX));
        }

        Map<String, String> targetGroup() {
            return Dimensions.targetGroup(get(ServiceOutputs.TARGET_GROUP_ARN_SUFFIX), get(ServiceOutputs.ALB_ARN_SUFFIX));
        }

        Map<String, String> ecsService() {
            return Dimensions.ecsService(get(ServiceOutputs.CLUSTER_NAME), get(ServiceOutputs.SERVICE_NAME));
        }

        Map<String, String> canary() {
            return Dimensions.canary(canaryName);
        }
    }
}
