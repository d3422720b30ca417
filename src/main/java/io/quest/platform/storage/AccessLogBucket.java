package io.quest.platform.storage;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bucket one other bucket's S3 server access logs go to (FSBP S3.9): SSE-S3, since S3 delivers server access logs
 * to no other encryption; unversioned; written only by S3's log delivery ({@code logging.s3.amazonaws.com}) for that one
 * source bucket of this account ({@code aws:SourceArn}, {@code aws:SourceAccount}) under one prefix; its logs expiring
 * after {@code expirationDays} (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html,
 * "Grant permissions to the logging service principal using a bucket policy", read 2026-12-02). A log bucket does not log
 * its own requests: S3 would write a log object for each log object it writes. That is the written exception S3.9 of
 * docs/baseline.md, tagged {@value #TAG_KEY}={@value #TAG_VALUE} so the plan can tell it from a bucket that forgot.
 */
public final class AccessLogBucket {

    /** S3's log delivery service principal. */
    /** The tag that marks a bucket holding other buckets' server access logs. */
    public static final String TAG_KEY = "quest:data";
    public static final String TAG_VALUE = "access-logs";
    /** Days an interrupted multipart upload is kept. */
    static final int ABORT_UPLOADS_DAYS = 7;

    private AccessLogBucket() {
    }

    /**
     * What the access-log bucket is.
     *
     * @param accountId      the account of both buckets (S3 delivers only within one account and region)
     * @param prefix         where the source bucket's logs go in it, ending in {@code /}
     * @param expirationDays how long a log object is kept
     * @param protect        Pulumi's {@code protect}, as the source bucket's
     * @param retainOnDelete kept in AWS when removed from the program, as the source bucket
     * @param tags           the bucket's tags (the access-log tag is added)
     */
    public record Spec(String accountId, String prefix, int expirationDays, boolean protect, boolean retainOnDelete,
                       Map<String, String> tags) {

        public Spec {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isEmpty() || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("an access-log prefix ends in /, not \"" + prefix + "\"");
            }
            if (expirationDays < 1) {
                throw new IllegalArgumentException("access logs are kept at least a day, not " + expirationDays);
            }
            tags = Map.copyOf(tags);
        }
    }

    /**
     * Registers {@code name}, the bucket {@code sourceBucketArn}'s logs go to, under {@code parent}; returns where a
     * {@link HardenedBucketArgs.Builder#accessLogs} should send them.
     */
    public static AccessLogTarget create(String name, Spec spec, Output<String> sourceBucketArn, Resource parent) {
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put(TAG_KEY, TAG_VALUE);
        var bucket = new HardenedBucket(name, HardenedBucketArgs.builder()
                .tags(tags)
                .encryption(BucketEncryption.s3Managed().withBucketKeyEnabled(false))
                .versioned(false)
                .policy(b -> Output.tuple(b.arn(), sourceBucketArn).applyValue(t -> policy(t.t1, spec.prefix(), t.t2, spec.accountId())
                        .requireWithin(HardenedBucket.BUCKET_POLICY_LIMIT, "the policy of access-log bucket " + name)))
                .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(spec.expirationDays()).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(ABORT_UPLOADS_DAYS).build())
                        .build())
                // Logs go with a bucket that goes with its environment; a protected or retained one is never emptied.
                .forceDestroy(!spec.protect() && !spec.retainOnDelete())
                .protect(spec.protect())
                .retainOnDelete(spec.retainOnDelete())
                .build(), ComponentResourceOptions.builder().parent(parent).build());
        return new AccessLogTarget(bucket, spec.prefix());
    }

    /** TLS only; S3's log delivery writes the source bucket's logs under the prefix, for that bucket of this account only. */
    public static PolicyDocument policy(String logBucketArn, String prefix, String sourceBucketArn, String accountId) {
        return PolicyDocument.of(
                Statement.denyInsecureTransport(logBucketArn),
                Statement.grantToService("S3ServerAccessLogDelivery", ServicePrincipal.S3_LOGGING, Partition.ofArn(logBucketArn), "s3:PutObject")
                        .resources(logBucketArn + "/" + prefix + "*")
                        .when("ArnLike", "aws:SourceArn", sourceBucketArn)
                        .onBehalfOf(accountId));
    }
}
