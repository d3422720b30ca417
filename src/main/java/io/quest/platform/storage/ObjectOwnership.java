package io.quest.platform.storage;

/** Who owns the objects written to a bucket, and whether ACLs still count (S3 Object Ownership). */
public enum ObjectOwnership {
    /** ACLs are disabled and the bucket owner owns every object: what S3 recommends, and the default. */
    BUCKET_OWNER_ENFORCED("BucketOwnerEnforced"),
    /**
     * ACLs still apply, and the bucket owner owns an object its writer hands over with {@code bucket-owner-full-control}:
     * for a writer that sends that ACL, which {@link #BUCKET_OWNER_ENFORCED} would refuse.
     */
    BUCKET_OWNER_PREFERRED("BucketOwnerPreferred");

    private final String awsValue;

    ObjectOwnership(String awsValue) {
        this.awsValue = awsValue;
    }

    /** The value of the ownership controls rule's {@code objectOwnership}. */
    public String awsValue() {
        return awsValue;
    }
}
