package io.quest.platform.cost;

/**
 * A list price the estimate uses, by its key in {@code prices/aws-prices.csv}. The unit is the one the
 * price is quoted in; {@code scripts/regenerate-prices.py} knows where each one lives in AWS's Price List.
 */
public enum Price {
    /** Amazon VPC: a NAT gateway, per hour. */
    NAT_GATEWAY_HOUR("nat-gateway-hour", "hour"),
    /** Amazon VPC: data processed by a NAT gateway, per GB. */
    NAT_GATEWAY_GB("nat-gateway-gb", "GB"),
    /** Amazon VPC: a public IPv4 address (Elastic IP, instance or load balancer address), per hour. */
    PUBLIC_IPV4_HOUR("public-ipv4-hour", "hour"),
    /** AWS PrivateLink: an interface endpoint in one AZ, per hour. */
    INTERFACE_ENDPOINT_AZ_HOUR("interface-endpoint-az-hour", "hour"),
    /** Elastic Load Balancing: an Application Load Balancer, per hour. */
    ALB_HOUR("alb-hour", "hour"),
    /** Elastic Load Balancing: one load balancer capacity unit, per hour. */
    ALB_LCU_HOUR("alb-lcu-hour", "LCU-hour"),
    /** AWS Fargate, Linux/x86: one vCPU, per hour. */
    FARGATE_VCPU_HOUR("fargate-vcpu-hour", "vCPU-hour"),
    /** AWS Fargate, Linux/x86: one GB of memory, per hour. */
    FARGATE_GB_HOUR("fargate-gb-hour", "GB-hour"),
    /** AWS Fargate, Linux/ARM: one vCPU, per hour. */
    FARGATE_ARM_VCPU_HOUR("fargate-arm-vcpu-hour", "vCPU-hour"),
    /** AWS Fargate, Linux/ARM: one GB of memory, per hour. */
    FARGATE_ARM_GB_HOUR("fargate-arm-gb-hour", "GB-hour"),
    /** Amazon EC2: a t4g.nano instance, Linux, on demand, per hour. */
    EC2_T4G_NANO_HOUR("ec2-t4g.nano-hour", "hour"),
    /** Amazon EC2: a t4g.micro instance, Linux, on demand, per hour. */
    EC2_T4G_MICRO_HOUR("ec2-t4g.micro-hour", "hour"),
    /** Amazon EBS: gp3 storage, per GB-month. */
    EBS_GP3_GB_MONTH("ebs-gp3-gb-month", "GB-month"),
    /** AWS KMS: a customer-managed key, per month. */
    KMS_KEY_MONTH("kms-key-month", "key-month"),
    /** Amazon CloudWatch: a standard-resolution alarm metric, per month. */
    ALARM_METRIC_MONTH("cloudwatch-alarm-metric-month", "alarm metric-month"),
    /** Amazon CloudWatch: a custom dashboard, per month. */
    DASHBOARD_MONTH("cloudwatch-dashboard-month", "dashboard-month"),
    /** Amazon CloudWatch Synthetics: one canary run. */
    CANARY_RUN("synthetics-canary-run", "run"),
    /** Amazon CloudWatch Logs: data ingested (standard class), per GB. */
    LOG_INGEST_GB("logs-ingest-gb", "GB"),
    /** Amazon CloudWatch Logs: data stored, per GB-month. */
    LOG_STORAGE_GB_MONTH("logs-storage-gb-month", "GB-month"),
    /** AWS Config: one configuration item recorded. */
    CONFIG_ITEM("config-item", "item"),
    /** AWS Config: one rule evaluation (the first 100,000 a month). */
    CONFIG_RULE_EVALUATION("config-rule-evaluation", "evaluation"),
    /** Amazon GuardDuty: CloudTrail management events analysed, per million. */
    GUARDDUTY_MILLION_EVENTS("guardduty-million-events", "million events"),
    /** AWS Security Hub: one security check (the first 100,000 a month). */
    SECURITY_HUB_CHECK("securityhub-check", "check"),
    /** Amazon GuardDuty: Runtime Monitoring of one vCPU (ECS Fargate, EKS or EC2) for a month (the first 500 vCPUs). */
    GUARDDUTY_RUNTIME_VCPU_MONTH("guardduty-runtime-vcpu-month", "vCPU-month"),
    /** AWS CloudTrail: data events delivered by a trail (S3 object-level API activity), per 100,000. */
    CLOUDTRAIL_DATA_100K_EVENTS("cloudtrail-data-100k-events", "100,000 events"),
    /** AWS WAF: one web ACL, per month. */
    WAF_WEB_ACL_MONTH("waf-web-acl-month", "web ACL-month"),
    /** AWS WAF: one rule or rule group in a web ACL, per month. */
    WAF_RULE_MONTH("waf-rule-month", "rule-month"),
    /** AWS WAF: web requests inspected, per million. */
    WAF_MILLION_REQUESTS("waf-million-requests", "million requests"),
    /** Amazon Aurora PostgreSQL Serverless v2 (Aurora Standard): one ACU, per hour. */
    AURORA_ACU_HOUR("rds-aurora-serverless-acu-hour", "ACU-hour"),
    /** Amazon RDS for PostgreSQL: a db.t4g.micro, Single-AZ, on demand, per hour. */
    RDS_T4G_MICRO_HOUR("rds-postgres-db.t4g.micro-hour", "hour"),
    /** Amazon RDS for PostgreSQL: a db.t4g.small, Single-AZ, on demand, per hour. */
    RDS_T4G_SMALL_HOUR("rds-postgres-db.t4g.small-hour", "hour"),
    /** Amazon RDS for PostgreSQL: a db.t4g.medium, Single-AZ, on demand, per hour. */
    RDS_T4G_MEDIUM_HOUR("rds-postgres-db.t4g.medium-hour", "hour"),
    /** Amazon RDS: gp3 storage, Single-AZ, per GB-month. */
    RDS_GP3_GB_MONTH("rds-gp3-gb-month", "GB-month"),
    /** AWS Secrets Manager: one secret, per month (RDS's managed master secret is one). */
    SECRET_MONTH("secretsmanager-secret-month", "secret-month"),
    /** Amazon Data Firehose: Direct PUT ingestion, per GB (first 500 TB a month, in 5 KB record increments). */
    FIREHOSE_INGEST_GB("firehose-ingest-gb", "GB"),
    /** Amazon Data Firehose: dynamic partitioning, per GB delivered to S3. */
    FIREHOSE_PARTITIONING_GB("firehose-partitioning-gb", "GB"),
    /** Amazon Data Firehose: dynamic partitioning, per 1,000 S3 objects delivered. */
    FIREHOSE_PARTITIONING_THOUSAND_OBJECTS("firehose-partitioning-thousand-objects", "1,000 objects"),
    /** Amazon S3 Standard: storage, per GB-month (first 50 TB). */
    S3_STANDARD_GB_MONTH("s3-standard-gb-month", "GB-month"),
    /** Amazon OpenSearch Serverless: one OpenSearch Compute Unit, indexing or search, per hour. */
    OPENSEARCH_SERVERLESS_OCU_HOUR("opensearch-serverless-ocu-hour", "OCU-hour"),
    /** Amazon OpenSearch Serverless: managed storage, per GB-month. */
    OPENSEARCH_SERVERLESS_STORAGE_GB_MONTH("opensearch-serverless-storage-gb-month", "GB-month"),
    /** Amazon Kinesis Data Streams: one provisioned shard, per hour. */
    KINESIS_SHARD_HOUR("kinesis-shard-hour", "shard-hour");

    private final String key;
    private final String unit;

    Price(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The price's key in the price table. */
    public String key() {
        return key;
    }

    /** What one unit of the price is. */
    public String unit() {
        return unit;
    }

    /** The price with this key, if any. */
    public static java.util.Optional<Price> byKey(String key) {
        for (Price p : values()) {
            if (p.key.equals(key)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
