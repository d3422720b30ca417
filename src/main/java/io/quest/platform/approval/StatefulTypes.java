package io.quest.platform.approval;

import java.util.Map;
import java.util.Optional;

/** Resource types that hold data, so deleting or replacing one loses that data. */
public final class StatefulTypes {

    private static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry("aws:s3/bucket:Bucket", "S3 bucket"),
            Map.entry("aws:s3/bucketV2:BucketV2", "S3 bucket"),
            Map.entry("aws:kms/key:Key", "KMS key"),
            Map.entry("aws:ecr/repository:Repository", "ECR repository"),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", "log group"),
            Map.entry("aws:rds/instance:Instance", "RDS database"),
            Map.entry("aws:rds/cluster:Cluster", "RDS database cluster"),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", "RDS database instance"),
            Map.entry("aws:dynamodb/table:Table", "DynamoDB table"),
            Map.entry("aws:secretsmanager/secret:Secret", "secret"),
            Map.entry("aws:ssm/parameter:Parameter", "SSM parameter"),
            Map.entry("aws:efs/fileSystem:FileSystem", "EFS file system"),
            Map.entry("aws:ebs/volume:Volume", "EBS volume"),
            Map.entry("aws:elasticache/replicationGroup:ReplicationGroup", "ElastiCache replication group"),
            Map.entry("aws:opensearch/domain:Domain", "OpenSearch domain"));

    private StatefulTypes() {
    }

    /** What to call a stateful type in a reason ("S3 bucket"), or empty when the type holds no data. */
    public static Optional<String> noun(String type) {
        return Optional.ofNullable(NOUNS.get(type));
    }
}
