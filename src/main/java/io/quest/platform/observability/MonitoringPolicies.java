package io.quest.platform.observability;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.ArrayList;
import java.util.List;

/** The key, topic, bucket and role policies of an environment's monitoring, as typed documents. */
public final class MonitoringPolicies {

    /** AWS's limit on a key policy, in characters. */
    public static final int KEY_POLICY_LIMIT = 32_768;
    /** AWS's limit on an SNS topic policy, in characters. */
    public static final int TOPIC_POLICY_LIMIT = 30_720;
    /** AWS's limit on a bucket policy, in characters. */
    public static final int BUCKET_POLICY_LIMIT = 20_480;


    private MonitoringPolicies() {
    }

    /**
     * The monitoring's key (the alert topic's, and the canary artifacts'): the account administers it through IAM (so the
     * canary role's own policy may let it encrypt artifacts through S3), and CloudWatch, acting for this account
     * only, may encrypt the alarm notifications it publishes (SNS "Configuring AWS KMS permissions").
     */
    public static PolicyDocument alertKeyPolicy(Partition partition, String accountId) {
        return PolicyDocument.of(
                Statement.administerKey("AccountAdministersKey", Principal.account(partition, accountId)),
                Statement.grantToService("CloudWatchEncryptsAlarmNotifications", ServicePrincipal.CLOUDWATCH, partition, "kms:GenerateDataKey*", "kms:Decrypt")
                        .resources("*")
                        .onBehalfOf(accountId),
                // EventBridge publishes to an encrypted topic only if the key lets it; which rules may publish is the
                // topic policy's to say (https://repost.aws/knowledge-center/sns-not-getting-eventbridge-notification,
                // read 2026-12-02).
                Statement.grantToService("EventBridgeEncryptsEventNotifications", ServicePrincipal.EVENTS, partition, "kms:GenerateDataKey*", "kms:Decrypt")
                        .resources("*"))
                .requireWithin(KEY_POLICY_LIMIT, "the alert key policy");
    }

    /**
     * The alert topic's policy: the account manages and publishes as before, CloudWatch alarms and EventBridge rules
     * of this account publish, and nothing is published over plain HTTP.
     */
    public static PolicyDocument topicPolicy(String topicArn, Partition partition, String accountId) {
        return PolicyDocument.of(
                Statement.allow("AccountManagesTopic")
                        .principal(Principal.account(partition, accountId))
                        .actions("sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission", "sns:RemovePermission",
                                "sns:DeleteTopic", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:Publish")
                        .resources(topicArn),
                Statement.grantToService("CloudWatchPublishesAlarms", ServicePrincipal.CLOUDWATCH, partition, "sns:Publish")
                        .resources(topicArn)
                        .onBehalfOf(accountId),
                Statement.grantToService("EventBridgeRulesPublishEvents", ServicePrincipal.EVENTS, partition, "sns:Publish")
                        .resources(topicArn)
                        .when("ArnLike", "aws:SourceArn", eventRules(topicArn)),
                Statement.deny("DenyInsecureTransport")
                        .principal(Principal.anyone())
                        .actions("sns:Publish")
                        .resources(topicArn)
                        .when("Bool", "aws:SecureTransport", "false"))
                .requireWithin(TOPIC_POLICY_LIMIT, "the alert topic policy");
    }

    /** Every EventBridge rule of the topic's account and region: {@code arn:<partition>:events:<region>:<account>:rule/*}. */
    static String eventRules(String topicArn) {
        String[] arn = topicArn.split(":");
        return String.join(":", arn[0], arn[1], "events", arn[3], arn[4], "rule/*");
    }

    /** The canary's artifacts bucket refuses plain-HTTP requests. */
    public static PolicyDocument artifactsBucketPolicy(String bucketArn) {
        return PolicyDocument.of(Statement.denyInsecureTransport(bucketArn))
                .requireWithin(BUCKET_POLICY_LIMIT, "the canary artifacts bucket policy");
    }

    /** A canary runs as a Lambda function: only Lambda assumes its role. */
    public static PolicyDocument canaryTrustPolicy(Partition partition) {
        return PolicyDocument.of(Statement.trustService("LambdaRunsCanary", ServicePrincipal.LAMBDA, partition))
                .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the canary trust policy");
    }

    /**
     * What a canary needs and nothing more (CloudWatch "Required roles and permissions for canaries"):
     * write and read its own artifacts, find the bucket, write its own Lambda logs, publish metrics in the
     * CloudWatchSynthetics namespace only, and write X-Ray traces when tracing is on; encrypt (and read back) its
     * artifacts with the artifacts key, only through S3 in its region (CloudWatch "Encrypting canary artifacts").
     */
    public static PolicyDocument canaryPolicy(String bucketArn, String keyArn, String region, String accountId, String canaryName,
                                              boolean activeTracing) {
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("WriteArtifacts")
                        .actions("s3:PutObject", "s3:GetObject")
                        .resources(bucketArn + "/" + Canaries.ARTIFACTS_PREFIX + "*"),
                Statement.allow("EncryptArtifacts")
                        .actions("kms:GenerateDataKey", "kms:Decrypt")
                        .resources(keyArn)
                        .when("StringEquals", "kms:ViaService", Partition.of(region).endpoint("s3", region)),
                Statement.allow("LocateArtifactsBucket")
                        .actions("s3:GetBucketLocation")
                        .resources(bucketArn),
                // Synthetics lists buckets when it checks the artifact location; the action has no resource-level scope.
                Statement.allow("ListBuckets")
                        .actions("s3:ListAllMyBuckets")
                        .resources("*"),
                Statement.allow("WriteCanaryLogs")
                        .actions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(Partition.of(region).arn("logs", region, accountId, "log-group:/aws/lambda/cwsyn-" + canaryName + "-*")),
                Statement.allow("PublishCanaryMetrics")
                        .actions("cloudwatch:PutMetricData")
                        .resources("*")
                        .when("StringEquals", "cloudwatch:namespace", ServiceMetrics.SYNTHETICS)));
        if (activeTracing) {
            statements.add(Statement.allow("WriteTraces")
                    .actions("xray:PutTraceSegments")
                    .resources("*"));
        }
        return new PolicyDocument(statements).requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the canary policy");
    }

    /** CloudWatch Logs, acting for this account's log groups, assumes the streaming role. */
    public static PolicyDocument logStreamingTrustPolicy(String region, String accountId) {
        return PolicyDocument.of(Statement.trustService("CloudWatchLogsStreams", ServicePrincipal.LOGS, Partition.of(region))
                        .when("StringLike", "aws:SourceArn", Partition.of(region).arn("logs", region, accountId, "*")))
                .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the log streaming trust policy");
    }

    /** Put records into the one destination, nothing else. */
    public static PolicyDocument logStreamingPolicy(LogDestination destination) {
        return PolicyDocument.of(Statement.allow("WriteToDestination")
                        .actions(destination.kind().writeActions())
                        .resources(destination.arn()))
                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the log streaming policy");
    }
}
