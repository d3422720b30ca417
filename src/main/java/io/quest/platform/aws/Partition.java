package io.quest.platform.aws;

/**
 * The AWS partition a stack's region belongs to, and the ARNs in it. ARNs start with the partition
 * ({@code arn:aws:}, {@code arn:aws-cn:}, {@code arn:aws-us-gov:}): an ARN of another partition names nothing, so a
 * policy that hand-writes {@code arn:aws:} grants nothing in China or GovCloud. Every ARN the platform writes comes
 * from here, never from a literal (source: AWS Identity and Access Management User Guide, "IAM identifiers" and
 * "Amazon Resource Names (ARNs)", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html, read 2026-12-02:
 * partitions {@code aws}, {@code aws-cn}, {@code aws-us-gov}; IAM and S3 ARNs leave the region empty, S3 the account too).
 */
public enum Partition {
    /** The commercial regions. */
    AWS("aws"),
    /** The China regions (cn-north-1, cn-northwest-1). */
    CHINA("aws-cn"),
    /** AWS GovCloud (US) (us-gov-east-1, us-gov-west-1). */
    GOV_CLOUD("aws-us-gov");

    private final String id;

    Partition(String id) {
        this.id = id;
    }

    /** The partition of a region, by its name's prefix (the only partitions that hold regions a stack may choose). */
    public static Partition of(String region) {
        if (region.startsWith("cn-")) {
            return CHINA;
        }
        return region.startsWith("us-gov-") ? GOV_CLOUD : AWS;
    }

    /** As ARNs spell it: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public String id() {
        return id;
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}; region and account may be empty or {@code *}. */
    public String arn(String service, String region, String account, String resource) {
        return "arn:" + id + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    /** An IAM ARN in an account ({@code role/name}, {@code policy/name}, {@code root}): IAM is global, the region empty. */
    public String iam(String account, String resource) {
        return arn("iam", "", account, resource);
    }

    /** An AWS managed policy's ARN ({@code arn:<partition>:iam::aws:policy/<name>}). */
    public String awsManagedPolicy(String name) {
        return iam("aws", "policy/" + name);
    }

    /** An S3 bucket's or object's ARN: S3 ARNs carry neither region nor account. */
    public String s3(String resource) {
        return arn("s3", "", "", resource);
    }
}
