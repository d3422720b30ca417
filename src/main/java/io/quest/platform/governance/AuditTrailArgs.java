package io.quest.platform.governance;

import com.pulumi.core.Output;
import io.quest.platform.aws.CloudWatchLogs;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AuditTrail} records and where it delivers.
 *
 * @param accountId         the account the trail (and its CloudWatch Logs copy) lives in
 * @param region            the region of the trail's home and its CloudWatch Logs copy
 * @param organizationTrail whether it is the organisation's trail, logging every member account
 * @param archiveBucketName the shared log archive bucket CloudTrail delivers to
 * @param archiveKeyArn     the shared log key that encrypts the delivered log files
 * @param retentionDays     how long the CloudWatch Logs copy is kept
 * @param alarmTopicArn     the SNS topic the CIS alarms notify; empty creates the alarms without actions
 * @param alarmedRoleArns   roles whose every use is alarmed (the break-glass role of each account the trail logs)
 * @param dataEventBuckets  the ARNs of the buckets whose S3 data events (object reads and writes) the trail records
 *                          besides management events: the log archive and the state bucket, in the shared account
 * @param protectLogs       the CloudWatch Logs copy and its key are protected (Pulumi {@code protect})
 * @param retainLogs        the CloudWatch Logs copy and its key stay in AWS when deleted from the stack
 * @param tags              the platform-wide tag layer
 */
public record AuditTrailArgs(
        String accountId,
        String region,
        boolean organizationTrail,
        Output<String> archiveBucketName,
        Output<String> archiveKeyArn,
        int retentionDays,
        Optional<Output<String>> alarmTopicArn,
        List<String> alarmedRoleArns,
        List<Output<String>> dataEventBuckets,
        boolean protectLogs,
        boolean retainLogs,
        Tags tags) {

    public AuditTrailArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(archiveBucketName, "archiveBucketName");
        Objects.requireNonNull(archiveKeyArn, "archiveKeyArn");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(alarmTopicArn, "alarmTopicArn");
        alarmedRoleArns = List.copyOf(alarmedRoleArns);
        dataEventBuckets = List.copyOf(dataEventBuckets);
        Objects.requireNonNull(tags, "tags");
        if (!CloudWatchLogs.acceptsRetention(retentionDays)) {
            throw new IllegalArgumentException(retentionDays + " days is not a retention CloudWatch Logs accepts");
        }
    }
}
