package io.quest.platform.logs;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies of a {@link LogAggregation}: who may subscribe to its destinations, how CloudWatch Logs reaches the
 * Firehose stream, and what the stream may write into the archive. Pure values, so each is tested as data.
 */
public final class LogAggregationPolicies {

    /** The largest access policy a destination takes, in bytes (PutDestinationPolicy, accessPolicy, read 2026-12-02). */
    public static final int DESTINATION_POLICY_LIMIT = 5_120;

    private LogAggregationPolicies() {
    }

    /**
     * The destination's access policy: the platform's member accounts, and nobody else, may point a subscription filter
     * at it ({@code logs:PutSubscriptionFilter} is the only action a destination policy governs; CloudWatch Logs API
     * Reference, PutDestinationPolicy, https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutDestinationPolicy.html,
     * read 2026-12-02). The principals are the member accounts by ID, never an organisation as a whole: AWS's walkthrough
     * also offers {@code "Principal": "*"} with {@code aws:PrincipalOrgID} (CloudWatch Logs User Guide, "Updating an
     * existing cross-account subscription", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Cross-Account-Log_Subscription-Update.html,
     * read 2026-12-02), which would admit every account of the organisation. With an organisation configured, its ID is
     * a further condition instead: a member account that has left the organisation can no longer subscribe. The policy
     * keeps account principals either way, so switching never needs {@code forceUpdate}.
     */
    public static PolicyDocument destinationPolicy(Partition partition, String destinationArn, List<String> memberAccounts,
                                                   Optional<String> organizationId) {
        if (memberAccounts.isEmpty()) {
            throw new IllegalArgumentException("a log destination needs at least one member account to admit");
        }
        Statement statement = Statement.allow("MemberAccountsSubscribe")
                .principal(memberAccounts.stream().sorted().distinct().map(account -> Principal.account(partition, account)).toArray(Principal[]::new))
                .actions("logs:PutSubscriptionFilter")
                .resources(destinationArn);
        return PolicyDocument.of(organizationId.map(id -> statement.when("StringEquals", "aws:PrincipalOrgID", id)).orElse(statement))
                .requireWithin(DESTINATION_POLICY_LIMIT, "the log destination's access policy for " + memberAccounts.size() + " member accounts");
    }

    /**
     * CloudWatch Logs takes this role to put the members' events into the stream, and only on behalf of log groups in
     * the platform's accounts and regions: {@code aws:SourceArn} names each sender account and the recipient account, as
     * "Step 2: Create a destination" of AWS's cross-account Firehose walkthrough does (CloudWatch Logs User Guide, read
     * 2026-12-02).
     */
    public static PolicyDocument logsTrustPolicy(Partition partition, List<String> regions, List<String> accounts) {
        List<String> sources = new ArrayList<>();
        for (String region : regions) {
            for (String account : accounts.stream().sorted().distinct().toList()) {
                sources.add(partition.arn("logs", region, account, "*"));
            }
        }
        return PolicyDocument.of(Statement.trustService("CloudWatchLogsOfThePlatform", ServicePrincipal.LOGS, partition)
                .when("StringLike", "aws:SourceArn", sources.toArray(String[]::new)));
    }

    /** What the CloudWatch Logs role may do: put records into the archive's Firehose stream. */
    public static PolicyDocument logsPolicy(String streamArn) {
        return PolicyDocument.of(archiveStatement(streamArn));
    }

    /**
     * With the log search: also put records into its Kinesis stream, which is encrypted with the archive key, so
     * CloudWatch Logs makes data keys with it, through Kinesis only.
     */
    public static PolicyDocument logsPolicy(String region, String streamArn, String searchStreamArn, String keyArn) {
        return PolicyDocument.of(archiveStatement(streamArn),
                Statement.allow("PutIntoTheSearchStream").actions("kinesis:PutRecord", "kinesis:PutRecords").resources(searchStreamArn),
                Statement.allow("EncryptForTheSearchStream")
                        .actions("kms:GenerateDataKey")
                        .resources(keyArn)
                        .when("StringEquals", "kms:ViaService", Partition.of(region).endpoint("kinesis", region)));
    }

    private static Statement archiveStatement(String streamArn) {
        return Statement.allow("PutIntoTheArchiveStream")
                .actions("firehose:PutRecord", "firehose:PutRecordBatch")
                .resources(streamArn);
    }

    /**
     * Only Firehose, on this account's behalf, takes the delivery role: Firehose passes the stream's account as the
     * external ID, which AWS's walkthrough checks (CloudWatch Logs User Guide, "Step 1: Create a Firehose delivery
     * stream", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CreateFirehoseStream.html, read 2026-12-02:
     * {@code "Condition": {"StringEquals": {"sts:ExternalId": "<recipient account>"}}}).
     */
    public static PolicyDocument firehoseTrustPolicy(Partition partition, String accountId) {
        return PolicyDocument.of(Statement.trustService("FirehoseOfThisAccount", ServicePrincipal.FIREHOSE, partition)
                .when("StringEquals", "sts:ExternalId", accountId));
    }

    /**
     * What the stream may do with the archive: list the bucket and write (and clean up multipart uploads) under its two
     * prefixes only, encrypting with the archive's key through S3 of this region. The bucket uses an S3 Bucket Key, so
     * the encryption context S3 passes to KMS is the bucket's ARN, or the object's without one (Amazon S3 User Guide,
     * "Reducing the cost of SSE-KMS with Amazon S3 Bucket Keys", read 2026-12-02): both are admitted.
     */
    public static PolicyDocument firehosePolicy(String region, String bucketArn, String keyArn) {
        String[] objects = {bucketArn + "/" + LogAggregation.PREFIX + "*", bucketArn + "/" + LogAggregation.ERROR_PREFIX + "*"};
        return PolicyDocument.of(
                Statement.allow("FindTheBucket")
                        .actions("s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads")
                        .resources(bucketArn),
                Statement.allow("WriteLogObjects")
                        .actions("s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject")
                        .resources(objects),
                Statement.allow("EncryptWithTheArchiveKey")
                        .actions("kms:GenerateDataKey", "kms:Decrypt")
                        .resources(keyArn)
                        .when("StringEquals", "kms:ViaService", Partition.of(region).endpoint("s3", region))
                        .when("StringLike", "kms:EncryptionContext:aws:s3:arn", bucketArn, objects[0], objects[1]));
    }
}
