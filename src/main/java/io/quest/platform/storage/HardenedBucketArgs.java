package io.quest.platform.storage;

import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import io.quest.platform.iam.PolicyDocument;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link HardenedBucket} is. Build it with {@link #builder()}; what is not set takes the default below.
 *
 * @param names          the resources' logical names. Defaults to {@link ChildNames#of(String)} of the bucket's name
 * @param tags           the bucket's tags. Required
 * @param encryption     default encryption. Defaults to SSE-S3
 * @param ownership      object ownership. Defaults to {@link ObjectOwnership#BUCKET_OWNER_ENFORCED} (no ACLs)
 * @param versioned      whether object versions are kept. Defaults to true
 * @param lifecycleRules the lifecycle rules; none means no lifecycle configuration. Defaults to none
 * @param policy         the bucket policy's own statements, written from the bucket's and its key's ARNs; the TLS-only
 *                       statement is merged in either way. Defaults to the TLS-only statement alone
 * @param accessLogs     where S3 server access logs go, given the bucket's ARN (a log bucket's policy names the bucket
 *                       whose logs it takes). Defaults to nowhere
 * @param forceDestroy   whether deleting the bucket from the program empties it first. Defaults to false
 * @param protect        Pulumi's {@code protect} on the bucket. Defaults to false
 * @param retainOnDelete whether the bucket stays in AWS when removed from the program. Defaults to false
 */
public record HardenedBucketArgs(
        Optional<ChildNames> names,
        Map<String, String> tags,
        BucketEncryption encryption,
        ObjectOwnership ownership,
        boolean versioned,
        List<BucketLifecycleConfigurationV2RuleArgs> lifecycleRules,
        Optional<Function<BucketRef, Output<PolicyDocument>>> policy,
        Optional<Function<Output<String>, AccessLogTarget>> accessLogs,
        boolean forceDestroy,
        boolean protect,
        boolean retainOnDelete) {

    public HardenedBucketArgs {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(ownership, "ownership");
        lifecycleRules = List.copyOf(lifecycleRules);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(accessLogs, "accessLogs");
        tags = Map.copyOf(tags);
        if (forceDestroy && (protect || retainOnDelete)) {
            throw new IllegalArgumentException("a protected or retained bucket is never emptied on delete: forceDestroy goes"
                    + " only with protect and retainOnDelete both false");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets each value by name; what is not set takes the default documented on {@link HardenedBucketArgs}. */
    public static final class Builder {
        private ChildNames names;
        private Map<String, String> tags;
        private BucketEncryption encryption = BucketEncryption.s3Managed();
        private ObjectOwnership ownership = ObjectOwnership.BUCKET_OWNER_ENFORCED;
        private boolean versioned = true;
        private List<BucketLifecycleConfigurationV2RuleArgs> lifecycleRules = List.of();
        private Function<BucketRef, Output<PolicyDocument>> policy;
        private Function<Output<String>, AccessLogTarget> accessLogs;
        private boolean forceDestroy;
        private boolean protect;
        private boolean retainOnDelete;

        private Builder() {
        }

        public Builder names(ChildNames names) {
            this.names = names;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder encryption(BucketEncryption encryption) {
            this.encryption = encryption;
            return this;
        }

        public Builder ownership(ObjectOwnership ownership) {
            this.ownership = ownership;
            return this;
        }

        public Builder versioned(boolean versioned) {
            this.versioned = versioned;
            return this;
        }

        public Builder lifecycleRules(BucketLifecycleConfigurationV2RuleArgs... rules) {
            this.lifecycleRules = List.of(rules);
            return this;
        }

        /** The bucket policy's own statements, from the bucket's and its key's ARNs; the TLS-only statement is merged in. */
        public Builder policy(Function<BucketRef, Output<PolicyDocument>> policy) {
            this.policy = policy;
            return this;
        }

        /** Where server access logs go, made from the bucket's ARN. */
        public Builder accessLogs(Function<Output<String>, AccessLogTarget> accessLogs) {
            this.accessLogs = accessLogs;
            return this;
        }

        public Builder forceDestroy(boolean forceDestroy) {
            this.forceDestroy = forceDestroy;
            return this;
        }

        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public Builder retainOnDelete(boolean retainOnDelete) {
            this.retainOnDelete = retainOnDelete;
            return this;
        }

        public HardenedBucketArgs build() {
            return new HardenedBucketArgs(Optional.ofNullable(names), tags, encryption, ownership, versioned, lifecycleRules,
                    Optional.ofNullable(policy), Optional.ofNullable(accessLogs), forceDestroy, protect, retainOnDelete);
        }
    }
}
