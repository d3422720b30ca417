package io.quest.platform.storage;

import java.util.Objects;

/**
 * Where a bucket's S3 server access logs go: another hardened bucket, under a prefix. S3 delivers them only to a
 * bucket in the same account and region encrypted with SSE-S3, whose policy lets {@code logging.s3.amazonaws.com} write
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html, read 2026-12-02); logging is
 * switched on once that policy exists.
 */
public record AccessLogTarget(HardenedBucket bucket, String prefix) {

    public AccessLogTarget {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (!bucket.encryption().algorithm().equals("AES256")) {
            throw new IllegalArgumentException("S3 delivers server access logs only to an SSE-S3 bucket, not one encrypted with "
                    + bucket.encryption().algorithm());
        }
    }
}
