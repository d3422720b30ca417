package io.quest.platform.state;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.tags.Tags;

import java.util.Map;

/**
 * Where every stack of the platform keeps its Pulumi state, and the key that encrypts their secrets: a versioned
 * S3 bucket encrypted with a customer-managed KMS key (rotated yearly), public access fully blocked, object
 * ownership enforced (no ACLs), TLS only, its requests logged to an access-log bucket of its own, replaced versions
 * expired after {@code noncurrentVersionDays}. Each stack names the key as its secrets provider
 * ({@link #secretsProvider(String)}). Bucket policy and key policy grant the CI roles exactly the state they need
 * ({@link StatePolicies}). Buckets and key take their {@code protect} and {@code retainOnDelete} from the arguments.
 *
 * <p>The access logs cannot go to the log archive: S3 delivers server access logs only to a bucket in the same
 * account and region whose default encryption is SSE-S3, not SSE-KMS, and that has no Object Lock default
 * retention (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html and
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html, read 2026-12-02). So they go to a
 * dedicated bucket encrypted with S3-managed keys, which only S3's log delivery may write, for this bucket only.
 */
public final class StateBackend extends ComponentResource {

    public static final String TYPE = "quest:state:StateBackend";
    /** The alias every stack's secrets provider names. */
    public static final String KEY_ALIAS = "alias/quest-platform-state";
    /** The prefix of the state bucket's access logs in the access-log bucket. */
    static final String ACCESS_LOG_PREFIX = "state/";
    /** Days an interrupted multipart upload is kept before S3 removes its parts. */
    static final int ABORT_UPLOADS_DAYS = 7;

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> keyArn;
    private final Output<String> accessLogBucketName;

    public StateBackend(String name, StateBackendArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var stateful = CustomResourceOptions.builder().parent(this)
                .protect(args.protect()).retainOnDelete(args.retainOnDelete()).build();
        Tags tags = args.tags();
        Output<StateGrants> grants = args.readers().grants(args.objects());

        var bucket = new BucketV2(name + "-bucket", BucketV2Args.builder()
                .forceDestroy(false)
                .tags(tags.named(name + "-bucket", Map.of("quest:data", "pulumi-state")))
                .build(), stateful);

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the platform's Pulumi state and every stack's secrets")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(bucket.arn(), grants).applyValue(t -> StatePolicies.keyPolicy(
                        args.accountId(), args.region(), t.t1, t.t2).requireWithin(32_768, "the state key policy").toJson()))
                .tags(tags.named(name + "-key"))
                .build(), stateful);
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name(KEY_ALIAS)
                .targetKeyId(key.keyId())
                .build(), child);

        var versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), child);
        encrypt(name + "-encryption", bucket, "aws:kms", key.arn(), child);
        var publicAccess = blockPublicAccess(name + "-public-access", bucket, child);
        enforceOwnership(name + "-ownership", bucket, child);
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), key.arn(), grants).applyValue(t -> StatePolicies.bucketPolicy(t.t1, t.t2, t.t3)
                        .requireWithin(StatePolicies.BUCKET_POLICY_LIMIT, "the state bucket policy").toJson()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
        // Each deploy role's grants on its own stack's state, as its own policy (see StatePolicies).
        args.readers().deployRoleArns().forEach((env, roleArn) -> new RolePolicy(name + "-deploy-" + env, RolePolicyArgs.builder()
                .role(roleArn.applyValue(StateBackend::roleName))
                .policy(Output.tuple(bucket.arn(), grants).applyValue(t -> StatePolicies.deployRolePolicy(t.t1, t.t2, env)
                        .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the state grants of " + env + "'s deploy role").toJson()))
                .build(), child));
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-replaced-versions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentVersionDays()).build())
                        // Released update locks leave delete markers; drop them once no version is behind them.
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().expiredObjectDeleteMarker(true).build())
                        .abortIncompleteMultipartUpload(abortUploads())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(versioning).build());

        var logs = new BucketV2(name + "-access-logs", BucketV2Args.builder()
                .forceDestroy(false)
                .tags(tags.named(name + "-access-logs", Map.of("quest:data", "access-logs")))
                .build(), stateful);
        encrypt(name + "-access-logs-encryption", logs, "AES256", null, child);
        var logsPublicAccess = blockPublicAccess(name + "-access-logs-public-access", logs, child);
        enforceOwnership(name + "-access-logs-ownership", logs, child);
        var logsPolicy = new BucketPolicy(name + "-access-logs-policy", BucketPolicyArgs.builder()
                .bucket(logs.id())
                .policy(Output.tuple(logs.arn(), bucket.arn()).applyValue(t -> StatePolicies.accessLogPolicy(
                        t.t1, ACCESS_LOG_PREFIX, t.t2, args.accountId()).requireWithin(20_480, "the access-log bucket policy").toJson()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(logsPublicAccess).build());
        new BucketLifecycleConfigurationV2(name + "-access-logs-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(logs.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.accessLogDays()).build())
                        .abortIncompleteMultipartUpload(abortUploads())
                        .build())
                .build(), child);
        // Logging starts once S3's log delivery may write to the access-log bucket.
        new BucketLoggingV2(name + "-logging", BucketLoggingV2Args.builder()
                .bucket(bucket.id())
                .targetBucket(logs.id())
                .targetPrefix(ACCESS_LOG_PREFIX)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(logsPolicy).build());

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.keyArn = key.arn();
        this.accessLogBucketName = logs.bucket();
        registerOutputs(Map.of(
                "bucketName", bucketName,
                "bucketArn", bucketArn,
                "keyArn", keyArn,
                "accessLogBucketName", accessLogBucketName));
    }

    /**
     * The secrets provider every stack names: the key by its alias, in the region it lives in. The alias resolves
     * in the account of the credentials the Pulumi CLI runs with, which is the shared account for administrators and
     * the CI roles alike.
     */
    public static String secretsProvider(String region) {
        return "awskms://" + KEY_ALIAS + "?region=" + region;
    }

    /** A role's name from its ARN ({@code arn:aws:iam::111111111111:role/path/name}); inline policies attach by name. */
    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    private static void encrypt(String logical, BucketV2 bucket, String algorithm, Output<String> keyArn, CustomResourceOptions child) {
        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                .sseAlgorithm(algorithm);
        if (keyArn != null) {
            byDefault.kmsMasterKeyId(keyArn);
        }
        new BucketServerSideEncryptionConfigurationV2(logical, BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(byDefault.build())
                        // One data key per bucket instead of per object: far fewer KMS requests.
                        .bucketKeyEnabled(keyArn != null)
                        .build())
                .build(), child);
    }

    private static Resource blockPublicAccess(String logical, BucketV2 bucket, CustomResourceOptions child) {
        return new BucketPublicAccessBlock(logical, BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);
    }

    private static void enforceOwnership(String logical, BucketV2 bucket, CustomResourceOptions child) {
        new BucketOwnershipControls(logical, BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
    }

    private static BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs abortUploads() {
        return BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                .daysAfterInitiation(ABORT_UPLOADS_DAYS).build();
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

    public Output<String> accessLogBucketName() {
        return accessLogBucketName;
    }
}
