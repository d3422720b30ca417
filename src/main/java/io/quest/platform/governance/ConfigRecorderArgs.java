package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.Objects;

/**
 * What a {@link ConfigRecorder} records and where it delivers.
 *
 * @param accountId             the account recorded (confused-deputy condition, archive path)
 * @param partition             the account's partition
 * @param recordGlobalResources whether this region records global resources (IAM); true in the home region only,
 *                              so each IAM change is recorded once
 * @param archiveBucketName     the shared log archive bucket; Config writes under the account's own prefix,
 *                              {@code AWSLogs/<account>/Config/}, the only one the archive's bucket policy lets it write to
 * @param archiveKeyArn         the KMS key that encrypts the archive
 * @param tags                  the platform-wide tag layer
 */
public record ConfigRecorderArgs(
        String accountId,
        Partition partition,
        boolean recordGlobalResources,
        Output<String> archiveBucketName,
        Output<String> archiveKeyArn,
        Tags tags) {

    public ConfigRecorderArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(archiveBucketName, "archiveBucketName");
        Objects.requireNonNull(archiveKeyArn, "archiveKeyArn");
        Objects.requireNonNull(tags, "tags");
    }
}
