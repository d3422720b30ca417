package io.quest.platform.logs;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.tags.Tags;

import java.util.Objects;

/**
 * A CloudWatch Logs log group encrypted with a customer managed KMS key of its own (FSBP has no control for it; AWS
 * Config's {@code CLOUDWATCH_LOG_GROUP_ENCRYPTED}), whose key policy admits CloudWatch Logs for this log group only
 * ({@link LogGroupKeyPolicy}), with rotation on. Created as two children of the component that owns the logs, the
 * log group under its existing name, the key as {@code <name>-key}, both with the owner's lifecycle: a log group
 * kept on delete keeps the key that decrypts it.
 *
 * @param logGroup the log group
 * @param key      its key
 */
public record EncryptedLogGroup(LogGroup logGroup, Key key) {

    /** What the log group is and what happens to it and its key on delete. */
    public record Spec(String accountId, String region, LogGroupName name, int retentionDays, String purpose,
                       boolean protect, boolean retainOnDelete, Tags tags) {

        public Spec {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(tags, "tags");
        }
    }

    /** The days KMS waits before deleting a key scheduled for deletion: the longest it allows. */
    public static final int KEY_DELETION_WINDOW_DAYS = 30;

    /**
     * Creates the key and the log group as children of {@code parent}.
     *
     * @param logical the log group's logical name ({@code dev-trail-logs}); the key is {@code <logical>-key}
     */
    public static EncryptedLogGroup create(String logical, Spec spec, Resource parent) {
        var lifecycle = CustomResourceOptions.builder().parent(parent)
                .protect(spec.protect()).retainOnDelete(spec.retainOnDelete());
        var key = new Key(logical + "-key", KeyArgs.builder()
                .description("Encrypts the log group " + spec.name().display() + ": " + spec.purpose())
                .enableKeyRotation(true)
                .deletionWindowInDays(KEY_DELETION_WINDOW_DAYS)
                .policy(LogGroupKeyPolicy.document(spec.accountId(), spec.region(), spec.name()).toJson())
                .tags(spec.tags().named(logical + "-key"))
                .build(), lifecycle.build());
        var args = LogGroupArgs.builder()
                .retentionInDays(spec.retentionDays())
                .kmsKeyId(key.arn())
                .tags(spec.tags().named(logical));
        if (spec.name().prefix()) {
            args.namePrefix(spec.name().value());
        } else {
            args.name(spec.name().value());
        }
        var logGroup = new LogGroup(logical, args.build(), lifecycle.build());
        return new EncryptedLogGroup(logGroup, key);
    }
}
