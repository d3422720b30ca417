package io.quest.platform.aws;

/**
 * The AWS services the platform names as principals: in a policy's {@code Principal.Service}, in a role's trust, in
 * {@code iam:PassedToService}. Each is spelled by its {@link Partition} ({@link Partition#servicePrincipal}), never by
 * hand: {@code logs.amazonaws.com} is {@code logs.amazonaws.com.cn} in China.
 */
public enum ServicePrincipal {
    /** CloudTrail, writing a trail's files and log events. */
    CLOUDTRAIL("cloudtrail"),
    /** CloudWatch, publishing alarm notifications. */
    CLOUDWATCH("cloudwatch"),
    /** AWS Config, delivering configuration snapshots and history. */
    CONFIG("config"),
    /** EC2, assumed by an instance profile's role. */
    EC2("ec2"),
    /** ECS tasks, assuming a task's execution and task roles. */
    ECS_TASKS("ecs-tasks"),
    /** Elastic Load Balancing's access-log delivery in regions opened since August 2022. */
    ELB_LOG_DELIVERY("logdelivery.elasticloadbalancing"),
    /** EventBridge, delivering rule targets. */
    EVENTS("events"),
    /** Data Firehose, assuming a delivery stream's role. */
    FIREHOSE("firehose"),
    /** Lambda, assuming a function's role (a canary's). */
    LAMBDA("lambda"),
    /** CloudWatch Logs: encrypting log groups, delivering subscriptions. */
    LOGS("logs"),
    /** RDS Enhanced Monitoring, assuming its role. */
    RDS_MONITORING("monitoring.rds"),
    /** S3 server access logging, writing log objects. */
    S3_LOGGING("logging.s3"),
    /** EventBridge Scheduler, assuming a schedule's role. */
    SCHEDULER("scheduler"),
    /** VPC Flow Logs, assuming the role that writes to CloudWatch Logs. */
    VPC_FLOW_LOGS("vpc-flow-logs");

    private final String service;

    ServicePrincipal(String service) {
        this.service = service;
    }

    /** The principal in a partition ({@code logs.amazonaws.com}, {@code logs.amazonaws.com.cn}). */
    public String in(Partition partition) {
        return partition.servicePrincipal(service);
    }

    /** The principal in the partition of a region. */
    public String in(String region) {
        return in(Partition.of(region));
    }

    /** The regional principal ({@code logs.eu-west-1.amazonaws.com}) in the region's partition. */
    public String regional(String region) {
        return Partition.of(region).regionalServicePrincipal(service, region);
    }
}
