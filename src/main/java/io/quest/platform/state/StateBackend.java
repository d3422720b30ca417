package io.quest.platform.state;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.storage.AccessLogTarget;
import io.quest.platform.storage.BucketEncryption;
import io.quest.platform.storage.ChildNames;
import io.quest.platform.storage.HardenedBucket;
import io.quest.platform.storage.HardenedBucketArgs;
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

        // The key's policy names the bucket, so the bucket makes it once its ARN is known; this holds it.
        Key[] stateKey = new Key[1];
        var bucket = new HardenedBucket(name + "-bucket", HardenedBucketArgs.builder()
                .names(ChildNames.of(name + "-bucket", name))
                .tags(tags.named(name + "-bucket", Map.of("quest:data", "pulumi-state")))
                .encryption(BucketEncryption.kms(bucketArn -> {
                    stateKey[0] = key(name, args, bucketArn, grants, stateful);
                    return stateKey[0].arn();
                }))
                .policy(b -> Output.tuple(b.arn(), b.keyArn().orElseThrow(), grants).applyValue(t -> StatePolicies.bucketPolicy(t.t1, t.t2, t.t3)
                        .requireWithin(StatePolicies.BUCKET_POLICY_LIMIT, "the state bucket policy")))
                .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-replaced-versions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                .noncurrentDays(args.noncurrentVersionDays()).build())
                        // Released update locks leave delete markers; drop them once no version is behind them.
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().expiredObjectDeleteMarker(true).build())
                        .abortIncompleteMultipartUpload(abortUploads())
                        .build())
                .accessLogs(bucketArn -> new AccessLogTarget(accessLogBucket(name, args, bucketArn), ACCESS_LOG_PREFIX))
                .protect(args.protect())
                .retainOnDelete(args.retainOnDelete())
                .build(), ComponentResourceOptions.builder().parent(this).build(), this);
        Key key = stateKey[0];
        new Alias(name + "-key-alias", AliasArgs.builder()
                .name(KEY_ALIAS)
                .targetKeyId(key.keyId())
                .build(), child);
        // Each deploy role's grants on its own stack's state, as its own policy (see StatePolicies).
        args.readers().deployRoleArns().forEach((env, roleArn) -> new RolePolicy(name + "-deploy-" + env, RolePolicyArgs.builder()
                .role(roleArn.applyValue(StateBackend::roleName))
                .policy(Output.tuple(bucket.bucketArn(), grants).applyValue(t -> StatePolicies.deployRolePolicy(t.t1, t.t2, env)
                        .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the state grants of " + env + "'s deploy role").toJson()))
                .build(), child));
        args.readers().reviewRoleArn().ifPresent(roleArn -> new RolePolicy(name + "-review", RolePolicyArgs.builder()
                .role(roleArn.applyValue(StateBackend::roleName))
                .policy(Output.tuple(bucket.bucketArn(), grants).applyValue(t -> StatePolicies.reviewRolePolicy(t.t1, t.t2)
                        .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the state grants of the review role").toJson()))
                .build(), child));
        HardenedBucket logs = bucket.accessLogs().orElseThrow().bucket();

        this.bucketName = bucket.bucketName();
        this.bucketArn = bucket.bucketArn();
        this.keyArn = key.arn();
        this.accessLogBucketName = logs.bucketName();
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

    /** The state key: its policy names the state bucket, so it is made once the bucket's ARN is known. */
    private static Key key(String name, StateBackendArgs args, Output<String> bucketArn, Output<StateGrants> grants,
                           CustomResourceOptions stateful) {
        return new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the platform's Pulumi state and every stack's secrets")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(bucketArn, grants).applyValue(t -> StatePolicies.keyPolicy(
                        args.accountId(), args.region(), t.t1, t.t2).requireWithin(32_768, "the state key policy").toJson()))
                .tags(args.tags().named(name + "-key"))
                .build(), stateful);
    }

    /**
     * The bucket the state bucket's server access logs go to: SSE-S3 (the only encryption S3 log delivery writes to),
     * written only by S3's log delivery for the state bucket, expiring after {@code accessLogDays}.
     */
    private HardenedBucket accessLogBucket(String name, StateBackendArgs args, Output<String> stateBucketArn) {
        return new HardenedBucket(name + "-access-logs", HardenedBucketArgs.builder()
                .names(ChildNames.of(name + "-access-logs"))
                .tags(args.tags().named(name + "-access-logs", Map.of("quest:data", "access-logs")))
                .encryption(BucketEncryption.s3Managed().withBucketKeyEnabled(false))
                .versioned(false)
                .policy(b -> Output.tuple(b.arn(), stateBucketArn).applyValue(t -> StatePolicies.accessLogPolicy(
                        t.t1, ACCESS_LOG_PREFIX, t.t2, args.accountId()).requireWithin(20_480, "the access-log bucket policy")))
                .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.accessLogDays()).build())
                        .abortIncompleteMultipartUpload(abortUploads())
                        .build())
                .protect(args.protect())
                .retainOnDelete(args.retainOnDelete())
                .build(), ComponentResourceOptions.builder().parent(this).build(), this);
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
