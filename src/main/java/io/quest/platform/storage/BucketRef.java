package io.quest.platform.storage;

import com.pulumi.core.Output;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link HardenedBucket}'s bucket as the parts that refer to it see it while it is being built: its ARN, and the
 * ARN of the KMS key encrypting it (empty with SSE-S3). A policy that names both is written from this.
 */
public record BucketRef(Output<String> arn, Optional<Output<String>> keyArn) {

    public BucketRef {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(keyArn, "keyArn");
    }
}
