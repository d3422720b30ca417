package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

/**
 * The shared stack's contract with the environment stacks: the identities and shared storage they
 * deploy through and into.
 *
 * @param sharedAccountId     the shared-services (security) account
 * @param logArchiveBucket    name of the bucket every account's CloudTrail and AWS Config deliver to
 * @param logArchiveBucketArn ARN of that bucket
 * @param logArchiveKeyArn    the KMS key trails and recorders encrypt their deliveries with
 * @param registryUrl         the container registry's repository URL ({@code <account>.dkr.ecr.<region>.amazonaws.com/<name>})
 * @param registryArn         the container registry's repository ARN
 * @param sharedRegion        the shared stack's region, where the AWS Config aggregator lives
 */
public record SharedOutputs(
        Output<String> sharedAccountId,
        Output<String> logArchiveBucket,
        Output<String> logArchiveBucketArn,
        Output<String> logArchiveKeyArn,
        Output<String> registryUrl,
        Output<String> registryArn,
        Output<String> sharedRegion) {

    static final String SHARED_ACCOUNT_ID = "sharedAccountId";
    static final String LOG_ARCHIVE_BUCKET = "logArchiveBucket";
    static final String LOG_ARCHIVE_BUCKET_ARN = "logArchiveBucketArn";
    static final String LOG_ARCHIVE_KEY_ARN = "logArchiveKeyArn";
    static final String REGISTRY_URL = "registryUrl";
    static final String REGISTRY_ARN = "registryArn";
    static final String SHARED_REGION = "sharedRegion";

    public void export(Context ctx) {
        ctx.export(SHARED_ACCOUNT_ID, sharedAccountId);
        ctx.export(LOG_ARCHIVE_BUCKET, logArchiveBucket);
        ctx.export(LOG_ARCHIVE_BUCKET_ARN, logArchiveBucketArn);
        ctx.export(LOG_ARCHIVE_KEY_ARN, logArchiveKeyArn);
        ctx.export(REGISTRY_URL, registryUrl);
        ctx.export(REGISTRY_ARN, registryArn);
        ctx.export(SHARED_REGION, sharedRegion);
    }

    public static SharedOutputs from(StackReference ref) {
        return new SharedOutputs(
                StackOutputs.string(ref, SHARED_ACCOUNT_ID),
                StackOutputs.string(ref, LOG_ARCHIVE_BUCKET),
                StackOutputs.string(ref, LOG_ARCHIVE_BUCKET_ARN),
                StackOutputs.string(ref, LOG_ARCHIVE_KEY_ARN),
                StackOutputs.string(ref, REGISTRY_URL),
                StackOutputs.string(ref, REGISTRY_ARN),
                StackOutputs.string(ref, SHARED_REGION));
    }
}
