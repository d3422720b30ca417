package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.util.Map;

/**
 * The shared stack's contract with the environment stacks: the identities and shared storage they
 * deploy through and into. Per-account values are maps keyed by environment name ({@code dev}, {@code prod}),
 * the names of {@code quest-platform:accounts}.
 *
 * @param sharedAccountId         the shared-services (security) account
 * @param logArchiveBucket        name of the bucket every account's CloudTrail and AWS Config deliver to
 * @param logArchiveBucketArn     ARN of that bucket
 * @param logArchiveKeyArn        the KMS key trails and recorders encrypt their deliveries with
 * @param stateBucketName         the bucket every stack keeps its Pulumi state in ({@code pulumi login s3://<stateBucketName>})
 * @param stateKeyArn             the KMS key that encrypts the state and, as {@code awskms://alias/quest-platform-state},
 *                                every stack's secrets
 * @param registryUrl             the container registry's repository URL ({@code <account>.dkr.ecr.<region>.amazonaws.com/<name>})
 * @param registryArn             the container registry's repository ARN
 * @param sharedRegion            the shared stack's region, where the AWS Config aggregator lives
 * @param ciPreviewRoleArn        the role pull-request runs assume (GitHub variable {@code CI_PREVIEW_ROLE_ARN})
 * @param ciDeployRoleArns        per environment, the role that environment's deployment runs assume
 *                                (GitHub environment variable {@code CI_DEPLOY_ROLE_ARN})
 * @param deployerRoleArns        per environment, the role its stack is applied through
 * @param previewerRoleArns       per environment, the role its stack is previewed through
 * @param permissionsBoundaryArns per environment, the boundary every role created there must carry
 * @param identityCenter          how people get in: {@code management} says whether the organisation's IAM Identity
 *                                Center instance is read (never managed) or access is off; when read, also its
 *                                {@code instanceArn}, {@code identityStoreId}, {@code region} and each
 *                                {@code permissionSet.<role>} ARN. Read leniently: a shared stack that predates it has none
 * @param logDestinationArns      per region, the log archive's CloudWatch Logs destination the workload accounts' log groups
 *                                subscribe to (a log group subscribes only to a destination in its own region)
 * @param logSearchDestinationArns per region, the log search's destination (empty when the shared stack has no
 *                                {@code logArchive.search}): a stack with {@code monitoring.logSearch} subscribes to it too
 */
public record SharedOutputs(
        Output<String> sharedAccountId,
        Output<String> logArchiveBucket,
        Output<String> logArchiveBucketArn,
        Output<String> logArchiveKeyArn,
        Output<String> stateBucketName,
        Output<String> stateKeyArn,
        Output<String> registryUrl,
        Output<String> registryArn,
        Output<String> sharedRegion,
        Output<String> ciPreviewRoleArn,
        Output<Map<String, String>> ciDeployRoleArns,
        Output<Map<String, String>> deployerRoleArns,
        Output<Map<String, String>> previewerRoleArns,
        Output<Map<String, String>> permissionsBoundaryArns,
        Output<Map<String, String>> identityCenter,
        Output<Map<String, String>> logDestinationArns,
        Output<Map<String, String>> logSearchDestinationArns) {

    static final String SHARED_ACCOUNT_ID = "sharedAccountId";
    static final String LOG_ARCHIVE_BUCKET = "logArchiveBucket";
    static final String LOG_ARCHIVE_BUCKET_ARN = "logArchiveBucketArn";
    static final String LOG_ARCHIVE_KEY_ARN = "logArchiveKeyArn";
    static final String STATE_BUCKET_NAME = "stateBucketName";
    static final String STATE_KEY_ARN = "stateKeyArn";
    static final String REGISTRY_URL = "registryUrl";
    static final String REGISTRY_ARN = "registryArn";
    static final String SHARED_REGION = "sharedRegion";
    static final String CI_PREVIEW_ROLE_ARN = "ciPreviewRoleArn";
    static final String CI_DEPLOY_ROLE_ARNS = "ciDeployRoleArns";
    static final String DEPLOYER_ROLE_ARNS = "deployerRoleArns";
    static final String PREVIEWER_ROLE_ARNS = "previewerRoleArns";
    static final String PERMISSIONS_BOUNDARY_ARNS = "permissionsBoundaryArns";
    static final String IDENTITY_CENTER = "identityCenter";
    static final String LOG_DESTINATION_ARNS = "logDestinationArns";
    static final String LOG_SEARCH_DESTINATION_ARNS = "logSearchDestinationArns";

    public void export(Context ctx) {
        ctx.export(SHARED_ACCOUNT_ID, sharedAccountId);
        ctx.export(LOG_ARCHIVE_BUCKET, logArchiveBucket);
        ctx.export(LOG_ARCHIVE_BUCKET_ARN, logArchiveBucketArn);
        ctx.export(LOG_ARCHIVE_KEY_ARN, logArchiveKeyArn);
        ctx.export(STATE_BUCKET_NAME, stateBucketName);
        ctx.export(STATE_KEY_ARN, stateKeyArn);
        ctx.export(REGISTRY_URL, registryUrl);
        ctx.export(REGISTRY_ARN, registryArn);
        ctx.export(SHARED_REGION, sharedRegion);
        ctx.export(CI_PREVIEW_ROLE_ARN, ciPreviewRoleArn);
        ctx.export(CI_DEPLOY_ROLE_ARNS, ciDeployRoleArns);
        ctx.export(DEPLOYER_ROLE_ARNS, deployerRoleArns);
        ctx.export(PREVIEWER_ROLE_ARNS, previewerRoleArns);
        ctx.export(PERMISSIONS_BOUNDARY_ARNS, permissionsBoundaryArns);
        ctx.export(IDENTITY_CENTER, identityCenter);
        ctx.export(LOG_DESTINATION_ARNS, logDestinationArns);
        ctx.export(LOG_SEARCH_DESTINATION_ARNS, logSearchDestinationArns);
    }

    public static SharedOutputs from(StackReference ref) {
        return new SharedOutputs(
                StackOutputs.string(ref, SHARED_ACCOUNT_ID),
                StackOutputs.string(ref, LOG_ARCHIVE_BUCKET),
                StackOutputs.string(ref, LOG_ARCHIVE_BUCKET_ARN),
                StackOutputs.string(ref, LOG_ARCHIVE_KEY_ARN),
                StackOutputs.string(ref, STATE_BUCKET_NAME),
                StackOutputs.string(ref, STATE_KEY_ARN),
                StackOutputs.string(ref, REGISTRY_URL),
                StackOutputs.string(ref, REGISTRY_ARN),
                StackOutputs.string(ref, SHARED_REGION),
                StackOutputs.string(ref, CI_PREVIEW_ROLE_ARN),
                StackOutputs.stringMap(ref, CI_DEPLOY_ROLE_ARNS),
                StackOutputs.stringMap(ref, DEPLOYER_ROLE_ARNS),
                StackOutputs.stringMap(ref, PREVIEWER_ROLE_ARNS),
                StackOutputs.stringMap(ref, PERMISSIONS_BOUNDARY_ARNS),
                ref.output(IDENTITY_CENTER).applyValue(SharedOutputs::stringMap),
                StackOutputs.stringMap(ref, LOG_DESTINATION_ARNS),
                StackOutputs.stringMap(ref, LOG_SEARCH_DESTINATION_ARNS));
    }

    /** The deployer role of one environment; fails, naming the fix, when the shared stack made none for it. */
    public Output<String> deployerRoleArn(String environment) {
        return forEnvironment(deployerRoleArns, environment, "deployer role");
    }

    /** The previewer role of one environment; fails, naming the fix, when the shared stack made none for it. */
    public Output<String> previewerRoleArn(String environment) {
        return forEnvironment(previewerRoleArns, environment, "previewer role");
    }

    /** The permissions boundary of one environment's account. */
    public Output<String> permissionsBoundaryArn(String environment) {
        return forEnvironment(permissionsBoundaryArns, environment, "permissions boundary");
    }

    /** The log archive's destination in a region; fails, naming the fix, when the shared stack has none there. */
    public Output<String> logDestinationArn(String region) {
        return inRegion(logDestinationArns, region, "log destination", "add " + region
                + " to quest-platform:allowedRegions of the shared stack");
    }

    /** The log search's destination in a region; fails, naming the fix, when the shared stack has none there. */
    public Output<String> logSearchDestinationArn(String region) {
        return inRegion(logSearchDestinationArns, region, "log search destination", "set quest-platform:logArchive.search.enabled"
                + " in the shared stack (with " + region + " among its allowedRegions), or monitoring.logSearch: false here");
    }

    private static Output<String> inRegion(Output<Map<String, String>> byRegion, String region, String what, String fix) {
        return byRegion.applyValue(m -> {
            String value = m.get(region);
            if (value == null) {
                throw new IllegalStateException("the shared stack has no " + what + " in " + region + " (it has " + m.keySet() + "); " + fix);
            }
            return value;
        });
    }

    /** A map output as strings, sorted by key; none when the output is absent. */
    private static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new java.util.TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        }
        return result;
    }

    private static Output<String> forEnvironment(Output<Map<String, String>> byEnvironment, String environment, String what) {
        return byEnvironment.applyValue(m -> {
            String value = m.get(environment);
            if (value == null) {
                throw new IllegalStateException("the shared stack has no " + what + " for environment " + environment
                        + " (it has " + m.keySet() + "); add " + environment + " to quest-platform:accounts of the shared stack");
            }
            return value;
        });
    }
}
