package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.storage.AccessLogBucket;
import io.quest.platform.storage.BucketEncryption;
import io.quest.platform.storage.ChildNames;
import io.quest.platform.storage.HardenedBucket;
import io.quest.platform.storage.HardenedBucketArgs;

import java.util.List;
import java.util.Map;

/**
 * The central archive of every account's CloudTrail and AWS Config logs: one versioned S3 bucket,
 * encrypted with a customer-managed KMS key (rotated yearly), public access fully blocked, object
 * ownership enforced (no ACLs), TLS only, writable only by CloudTrail and AWS Config of the platform's
 * accounts under their own prefixes, moving to Glacier Instant Retrieval and then expiring on a schedule.
 * Bucket and key take their {@code protect} and {@code retainOnDelete} from the arguments.
 *
 * <p>The archive's own requests are logged (S3 server access logging) to a bucket of their own beside it
 * ({@link AccessLogBucket}): S3 delivers those logs only to an SSE-S3 bucket, never to this SSE-KMS one.
 *
 * <p>Load balancer access logs do not come here: ALB log delivery cannot write to SSE-KMS buckets, so
 * they stay in a bucket of their own account and region.
 */
public final class LogArchive extends ComponentResource {

    public static final String TYPE = "quest:governance:LogArchive";

    /** Where log objects go once they are {@code transitionDays} old: millisecond reads, archive prices. */
    static final String ARCHIVE_STORAGE_CLASS = "GLACIER_IR";
    /** Days a replaced or deleted log object version is kept before it is gone for good. */
    static final int NONCURRENT_VERSION_DAYS = 30;
    /** The prefix of the archive's server access logs in its access-log bucket. */
    public static final String ACCESS_LOG_PREFIX = "log-archive/";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> keyArn;

    public LogArchive(String name, LogArchiveArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var stateful = CustomResourceOptions.builder().parent(this)
                .protect(args.protect()).retainOnDelete(args.retainOnDelete()).build();
        var tags = args.tags();

        PolicyDocument keyPolicy = LogArchivePolicies.keyPolicy(Partition.of(args.region()), args.accountId(), args.sourceAccounts())
                .requireWithin(32_768, "the log archive key policy");
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the platform's CloudTrail and AWS Config logs in the log archive")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(keyPolicy.toJson())
                .tags(tags.named(name + "-key"))
                .build(), stateful);
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name("alias/quest/" + name)
                .targetKeyId(key.keyId())
                .build(), child);

        var bucket = new HardenedBucket(name + "-bucket", HardenedBucketArgs.builder()
                .names(ChildNames.of(name + "-bucket", name))
                .tags(tags.named(name + "-bucket", Map.of("quest:data", "audit-logs")))
                .encryption(BucketEncryption.kms(key.arn()))
                .policy(b -> b.arn().applyValue(arn -> LogArchivePolicies.bucketPolicy(arn, args.sourceAccounts(), args.accountId(),
                        args.organizationId()).requireWithin(20_480, "the log archive bucket policy")))
                .lifecycleRules(lifecycleRule(args))
                // Every request to the archive is logged, kept as long as the logs it is about (FSBP S3.9, CIS v3.0 has none).
                .accessLogs(bucketArn -> AccessLogBucket.create(name + "-access-logs", new AccessLogBucket.Spec(args.accountId(),
                        ACCESS_LOG_PREFIX, args.expirationDays(), args.protect(), args.retainOnDelete(),
                        tags.named(name + "-access-logs")), bucketArn, this))
                .protect(args.protect())
                .retainOnDelete(args.retainOnDelete())
                .build(), ComponentResourceOptions.builder().parent(this).build(), this);

        this.bucketName = bucket.bucketName();
        this.bucketArn = bucket.bucketArn();
        this.keyArn = key.arn();
        registerOutputs(Map.of(
                "bucketName", bucketName,
                "bucketArn", bucketArn,
                "keyArn", keyArn));
    }

    private static BucketLifecycleConfigurationV2RuleArgs lifecycleRule(LogArchiveArgs args) {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("archive-then-expire")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .transitions(List.of(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                        .days(args.transitionDays())
                        .storageClass(ARCHIVE_STORAGE_CLASS)
                        .build()))
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.expirationDays()).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(NONCURRENT_VERSION_DAYS).build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(7).build())
                .build();
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }

    public Output<String> keyArn() {
        return keyArn;
    }
}
