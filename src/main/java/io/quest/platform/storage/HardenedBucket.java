package io.quest.platform.storage;

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
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An S3 bucket as every bucket of the platform is: default encryption (SSE-S3, or SSE-KMS with a Bucket Key), object
 * ownership controls, all four public access blocks, a bucket policy that always refuses requests not made over TLS
 * (merged into the bucket's own statements, written after the public access block), versioning, lifecycle rules
 * (written after versioning), and optionally server access logging to another such bucket. The deliberate variants are
 * {@link HardenedBucketArgs}' parameters.
 *
 * <p>A bucket whose resources used to be children of another component ({@code formerParent}) keeps every URN: each
 * child carries an {@code Alias} naming that parent, which the Pulumi engine resolves to the old URN with the child's
 * own name and type (pulumi/pulumi pkg/resource/deploy/step_generator.go, {@code collapseAliasToUrn}, at
 * 1a16857a44f16e46a9dce29f184c511062a70f80), so nothing deployed is replaced.
 */
public final class HardenedBucket extends ComponentResource {

    public static final String TYPE = "quest:storage:HardenedBucket";
    /** S3's limit for a bucket policy, in bytes of JSON. */
    public static final int BUCKET_POLICY_LIMIT = 20_480;
    /** The TLS-only statement's id. */
    public static final String TLS_ONLY_SID = "DenyInsecureTransport";

    private final BucketEncryption encryption;
    private final BucketV2 bucket;
    private final BucketPolicy policy;
    private final Output<String> keyArn;
    private final Optional<AccessLogTarget> accessLogs;

    public HardenedBucket(String name, HardenedBucketArgs args, ComponentResourceOptions options) {
        this(name, args, options, Optional.empty());
    }

    /**
     * A bucket whose resources were registered under {@code formerParent} before: each keeps its URN through an alias.
     * Their names are {@link HardenedBucketArgs#names()}, which must be the names they had.
     */
    public HardenedBucket(String name, HardenedBucketArgs args, ComponentResourceOptions options, Resource formerParent) {
        this(name, args, options, Optional.of(formerParent));
    }

    private HardenedBucket(String name, HardenedBucketArgs args, ComponentResourceOptions options, Optional<Resource> formerParent) {
        super(TYPE, name, options);
        this.encryption = args.encryption();
        ChildNames names = args.names().orElseGet(() -> ChildNames.of(name));
        List<Alias> moved = formerParent.map(p -> List.of(Alias.builder().parent(p).build())).orElse(List.of());
        var child = options(moved, List.of()).build();

        this.bucket = new BucketV2(names.bucket(), BucketV2Args.builder()
                .forceDestroy(args.forceDestroy())
                .tags(args.tags())
                .build(), options(moved, List.of()).protect(args.protect()).retainOnDelete(args.retainOnDelete()).build());

        new BucketOwnershipControls(names.ownership(), BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership(args.ownership().awsValue()).build())
                .build(), child);

        Optional<Output<String>> key = encryption.kmsKey().map(k -> k.apply(bucket.arn()));
        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                .sseAlgorithm(encryption.algorithm());
        key.ifPresent(byDefault::kmsMasterKeyId);
        var rule = BucketServerSideEncryptionConfigurationV2RuleArgs.builder().applyServerSideEncryptionByDefault(byDefault.build());
        encryption.bucketKeyEnabled().ifPresent(rule::bucketKeyEnabled);
        new BucketServerSideEncryptionConfigurationV2(names.encryption(), BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(rule.build())
                .build(), child);
        this.keyArn = key.orElse(null);

        var publicAccess = new BucketPublicAccessBlock(names.publicAccess(), BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);

        Output<PolicyDocument> own = args.policy().map(p -> p.apply(new BucketRef(bucket.arn(), key)))
                .orElseGet(() -> bucket.arn().applyValue(arn -> PolicyDocument.of(tlsOnly(arn))));
        this.policy = new BucketPolicy(names.policy(), BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), own).applyValue(t -> withTlsOnly(t.t2, t.t1)
                        .requireWithin(BUCKET_POLICY_LIMIT, "the policy of bucket " + names.bucket()).toJson()))
                .build(), options(moved, List.of(publicAccess)).build());

        List<Resource> lifecycleAfter = new ArrayList<>();
        if (args.versioned()) {
            lifecycleAfter.add(new BucketVersioningV2(names.versioning(), BucketVersioningV2Args.builder()
                    .bucket(bucket.id())
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                    .build(), child));
        }
        if (!args.lifecycleRules().isEmpty()) {
            new BucketLifecycleConfigurationV2(names.lifecycle(), BucketLifecycleConfigurationV2Args.builder()
                    .bucket(bucket.id())
                    .rules(args.lifecycleRules())
                    .build(), options(moved, lifecycleAfter).build());
        }
        // Logging starts once S3's log delivery may write to the target bucket.
        this.accessLogs = args.accessLogs().map(logsFor -> logsFor.apply(bucket.arn()));
        accessLogs.ifPresent(target -> new BucketLoggingV2(names.logging(), BucketLoggingV2Args.builder()
                .bucket(bucket.id())
                .targetBucket(target.bucket().bucketId())
                .targetPrefix(target.prefix())
                .build(), options(moved, List.of(target.bucket().policy())).build()));

        registerOutputs(Map.of("bucketName", bucket.bucket(), "bucketArn", bucket.arn()));
    }

    private CustomResourceOptions.Builder options(List<Alias> aliases, List<Resource> after) {
        var builder = CustomResourceOptions.builder().parent(this);
        if (!aliases.isEmpty()) {
            builder.aliases(aliases.toArray(Alias[]::new));
        }
        if (!after.isEmpty()) {
            builder.dependsOn(after);
        }
        return builder;
    }

    /** The statement every platform bucket's policy carries: refuse any request not made over TLS. */
    public static Statement tlsOnly(String bucketArn) {
        return Statement.denyInsecureTransport(bucketArn);
    }

    /**
     * {@code own} with the TLS-only statement: kept where it already is, else first. A statement that takes the TLS-only
     * statement's id but says something else is refused, since it would stand in for it.
     */
    public static PolicyDocument withTlsOnly(PolicyDocument own, String bucketArn) {
        Statement tls = tlsOnly(bucketArn);
        Optional<Statement> present = own.statements().stream().filter(s -> TLS_ONLY_SID.equals(s.sid())).findFirst();
        if (present.isPresent()) {
            if (!present.get().equals(tls)) {
                throw new IllegalArgumentException("the policy of bucket " + bucketArn + " has a statement " + TLS_ONLY_SID
                        + " that is not the TLS-only statement; expected " + tls.toMap());
            }
            return own;
        }
        List<Statement> all = new ArrayList<>();
        all.add(tls);
        all.addAll(own.statements());
        return new PolicyDocument(all);
    }

    /** How the bucket is encrypted by default. */
    public BucketEncryption encryption() {
        return encryption;
    }

    public Output<String> bucketId() {
        return bucket.id();
    }

    /** The bucket's name (Pulumi's auto-name from the logical name). */
    public Output<String> bucketName() {
        return bucket.bucket();
    }

    public Output<String> bucketArn() {
        return bucket.arn();
    }

    /** The KMS key encrypting the bucket, or null with SSE-S3. */
    public Output<String> keyArn() {
        return keyArn;
    }

    /** Where the bucket's server access logs go, if anywhere. */
    public Optional<AccessLogTarget> accessLogs() {
        return accessLogs;
    }

    /** The bucket policy: what a writer the policy admits must wait for. */
    public BucketPolicy policy() {
        return policy;
    }
}
