package io.quest.platform.storage;

import java.util.Objects;

/**
 * The logical names of a {@link HardenedBucket}'s resources. {@link #of(String)} names the children after the bucket
 * ({@code <bucket>-encryption}, ...); {@link #of(String, String)} after another prefix, and the {@code with...} methods
 * rename one, so a bucket that existed before the building block keeps the names (and so the physical names Pulumi
 * derived from them) it was created with.
 */
public record ChildNames(String bucket, String versioning, String encryption, String ownership, String publicAccess,
                         String policy, String lifecycle, String logging) {

    public ChildNames {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(versioning, "versioning");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(publicAccess, "publicAccess");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(logging, "logging");
    }

    /** The bucket named {@code bucket}, each other resource {@code <bucket>-<role>}. */
    public static ChildNames of(String bucket) {
        return of(bucket, bucket);
    }

    /** The bucket named {@code bucket}, each other resource {@code <prefix>-<role>}. */
    public static ChildNames of(String bucket, String prefix) {
        return new ChildNames(bucket, prefix + "-versioning", prefix + "-encryption", prefix + "-ownership",
                prefix + "-public-access", prefix + "-policy", prefix + "-lifecycle", prefix + "-logging");
    }

    public ChildNames withEncryption(String name) {
        return new ChildNames(bucket, versioning, name, ownership, publicAccess, policy, lifecycle, logging);
    }

    public ChildNames withLifecycle(String name) {
        return new ChildNames(bucket, versioning, encryption, ownership, publicAccess, policy, name, logging);
    }
}
