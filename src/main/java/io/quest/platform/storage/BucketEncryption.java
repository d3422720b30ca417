package io.quest.platform.storage;

import com.pulumi.core.Output;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bucket's default encryption: S3-managed keys (SSE-S3), or a customer-managed KMS key (SSE-KMS) with an S3 Bucket
 * Key (one data key per bucket instead of per object: far fewer KMS requests). SSE-S3 is what S3 server access logging,
 * ALB access logs and Synthetics' {@code SSE_S3} mode need; SSE-KMS is for everything a key policy should guard.
 *
 * @param algorithm        {@code AES256} or {@code aws:kms}
 * @param kmsKey           for SSE-KMS, the key's ARN from the bucket's ARN (a key whose policy names its bucket is made
 *                         once the bucket exists); empty for SSE-S3
 * @param bucketKeyEnabled whether the rule states {@code bucketKeyEnabled}, and how; empty leaves it unset
 */
public record BucketEncryption(String algorithm, Optional<Function<Output<String>, Output<String>>> kmsKey,
                               Optional<Boolean> bucketKeyEnabled) {

    public BucketEncryption {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(kmsKey, "kmsKey");
        Objects.requireNonNull(bucketKeyEnabled, "bucketKeyEnabled");
        if (kmsKey.isPresent() != algorithm.equals("aws:kms")) {
            throw new IllegalArgumentException("a KMS key goes with aws:kms encryption, and only with it, not " + algorithm);
        }
    }

    /** SSE-S3: S3-managed keys. */
    public static BucketEncryption s3Managed() {
        return new BucketEncryption("AES256", Optional.empty(), Optional.empty());
    }

    /** SSE-KMS with this key, and an S3 Bucket Key. */
    public static BucketEncryption kms(Output<String> keyArn) {
        Objects.requireNonNull(keyArn, "keyArn");
        return kms(bucketArn -> keyArn);
    }

    /** SSE-KMS with the key {@code keyForBucket} makes once the bucket's ARN is known, and an S3 Bucket Key. */
    public static BucketEncryption kms(Function<Output<String>, Output<String>> keyForBucket) {
        return new BucketEncryption("aws:kms", Optional.of(keyForBucket), Optional.of(true));
    }

    /** The same encryption, stating {@code bucketKeyEnabled} as given. */
    public BucketEncryption withBucketKeyEnabled(boolean enabled) {
        return new BucketEncryption(algorithm, kmsKey, Optional.of(enabled));
    }
}
