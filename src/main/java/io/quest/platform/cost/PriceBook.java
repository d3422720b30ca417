package io.quest.platform.cost;

/**
 * On-demand list prices in US dollars, us-east-1, as published on the AWS pricing pages of each service
 * (read 2026-11). Other regions cost up to about 20% more; the estimate says which prices it used.
 */
public final class PriceBook {

    /** Hours in an average month, as AWS's pricing calculator counts them. */
    public static final double HOURS_PER_MONTH = 730;

    /** Amazon VPC: NAT gateway, per hour (data processed is extra: $0.045/GB). */
    public static final double NAT_GATEWAY_HOUR = 0.045;
    /** Amazon VPC: public IPv4 address, per hour. */
    public static final double PUBLIC_IPV4_HOUR = 0.005;
    /** AWS PrivateLink: interface endpoint, per AZ per hour. */
    public static final double INTERFACE_ENDPOINT_AZ_HOUR = 0.01;
    /** Elastic Load Balancing: Application Load Balancer, per hour (LCUs extra). */
    public static final double ALB_HOUR = 0.0225;
    /** Elastic Load Balancing: one LCU, per hour. */
    public static final double ALB_LCU_HOUR = 0.008;
    /** AWS Fargate (Linux/x86): per vCPU per hour. */
    public static final double FARGATE_VCPU_HOUR = 0.04048;
    /** AWS Fargate (Linux/x86): per GB of memory per hour. */
    public static final double FARGATE_GB_HOUR = 0.004445;
    /** AWS KMS: customer-managed key, per month. */
    public static final double KMS_KEY_MONTH = 1.00;
    /** Amazon CloudWatch: standard-resolution alarm, per month. */
    public static final double ALARM_MONTH = 0.10;
    /** Amazon CloudWatch: dashboard, per month (the first three are free per account). */
    public static final double DASHBOARD_MONTH = 3.00;
    /** Amazon CloudWatch Synthetics: per canary run. */
    public static final double CANARY_RUN = 0.0012;
    /** Amazon CloudWatch Logs: ingestion, per GB. */
    public static final double LOG_INGEST_GB = 0.50;
    /** AWS Config: per configuration item recorded. */
    public static final double CONFIG_ITEM = 0.003;
    /** AWS Config: per rule evaluation (first 100,000 a month). */
    public static final double CONFIG_EVALUATION = 0.001;
    /** AWS Secrets Manager: per secret per month. */
    public static final double SECRET_MONTH = 0.40;
    /** Amazon Route 53: hosted zone per month. */
    public static final double HOSTED_ZONE_MONTH = 0.50;

    private PriceBook() {
    }
}
