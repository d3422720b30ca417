package io.quest.platform.observability;

/** The CloudWatch namespaces and metric names the alarms and the dashboard read (each service's metrics documentation). */
public final class ServiceMetrics {

    /** Application Load Balancer metrics, per load balancer and per target group, every minute. */
    public static final String ALB = "AWS/ApplicationELB";
    /** ECS service utilisation, per cluster and service, every minute. */
    public static final String ECS = "AWS/ECS";
    /** Container Insights task counts, per cluster and service, every minute (the cluster enables Container Insights). */
    public static final String CONTAINER_INSIGHTS = "ECS/ContainerInsights";
    /** Synthetics canary results, per canary, once a run. */
    public static final String SYNTHETICS = "CloudWatchSynthetics";

    public static final String REQUEST_COUNT = "RequestCount";
    public static final String TARGET_5XX = "HTTPCode_Target_5XX_Count";
    public static final String ELB_5XX = "HTTPCode_ELB_5XX_Count";
    public static final String TARGET_RESPONSE_TIME = "TargetResponseTime";
    public static final String HEALTHY_HOSTS = "HealthyHostCount";
    public static final String UNHEALTHY_HOSTS = "UnHealthyHostCount";
    public static final String CPU = "CPUUtilization";
    public static final String MEMORY = "MemoryUtilization";
    public static final String RUNNING_TASKS = "RunningTaskCount";
    public static final String DESIRED_TASKS = "DesiredTaskCount";
    public static final String CANARY_SUCCESS = "SuccessPercent";
    public static final String CANARY_DURATION = "Duration";

    private ServiceMetrics() {
    }
}
