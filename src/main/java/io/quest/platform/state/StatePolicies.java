package io.quest.platform.state;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The state bucket's policy, its key's policy and the access-log bucket's policy, as data.
 *
 * <p>The CI roles live in the same account as the bucket and the key, where an allow in either the role's identity
 * policy or the resource's policy suffices
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html, read 2026-12-02). Each
 * deploy role's S3 grants are its own identity policy ({@link #deployRolePolicy}), so the bucket policy does not grow
 * by a grant per environment; the bucket policy's explicit denies keep every CI role to its grants even if it is
 * later given broader IAM permissions. Administrators of the shared account reach both through IAM (the key
 * delegates to the account). Nothing reaches the bucket without TLS, and nothing is written to it unless it is
 * encrypted with the state key.
 */
public final class StatePolicies {

    static final String GET = "s3:GetObject";
    static final String PUT = "s3:PutObject";
    static final String DELETE = "s3:DeleteObject";
    /**
     * The CLI writes through gocloud.dev's S3 uploader, which sends a checkpoint larger than one part as a multipart
     * upload (covered by {@code s3:PutObject}) and aborts it on failure, which needs this action.
     */
    static final String ABORT_UPLOAD = "s3:AbortMultipartUpload";
    static final String LIST = "s3:ListBucket";
    /** AWS's limit for a bucket policy, in characters. */
    public static final int BUCKET_POLICY_LIMIT = 20_480;

    private StatePolicies() {
    }

    /**
     * The state bucket's policy: TLS only; uploads only under the state key; the preview role reads the
     * checkpoints of every environment stack and of the stacks they read, and writes nothing; each environment's
     * deploy role (granted by {@link #deployRolePolicy}) may read, write and delete nothing but its own stack's
     * checkpoint, history, backups and locks, and read nothing but the checkpoints of the stacks it reads. No CI
     * role may do anything else with the bucket or its objects (object versions, ACLs, bucket settings).
     */
    public static PolicyDocument bucketPolicy(String bucketArn, String keyArn, StateGrants grants) {
        StateObjects objects = grants.objects();
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.denyInsecureTransport(bucketArn));
        // An upload that names no encryption gets the bucket's default (the state key); one that names another is refused.
        statements.add(Statement.deny("DenyUploadsNotUnderKms")
                .principal(Principal.anyone())
                .actions(PUT)
                .resources(bucketArn + "/*")
                .when("Null", "s3:x-amz-server-side-encryption", "false")
                .when("StringNotEquals", "s3:x-amz-server-side-encryption", "aws:kms"));
        statements.add(Statement.deny("DenyUploadsUnderOtherKeys")
                .principal(Principal.anyone())
                .actions(PUT)
                .resources(bucketArn + "/*")
                .when("Null", "s3:x-amz-server-side-encryption-aws-kms-key-id", "false")
                .when("StringNotEquals", "s3:x-amz-server-side-encryption-aws-kms-key-id", keyArn));
        statements.add(Statement.deny("DenyCiAnythingButObjectsAndListing")
                .principal(principals(grants.ciRoleArns()))
                .notActions(GET, PUT, DELETE, ABORT_UPLOAD, LIST)
                .resources(bucketArn, bucketArn + "/*"));

        Principal preview = Principal.aws(grants.previewRoleArn());
        List<String> previewReads = readable(bucketArn, objects, grants.stacksReadByPreview());
        statements.add(Statement.allow("PreviewReadsState")
                .principal(preview)
                .actions(GET)
                .resources(previewReads));
        statements.add(Statement.allow("PreviewListsCheckpoints")
                .principal(preview)
                .actions(LIST)
                .resources(bucketArn)
                .when("StringEquals", "s3:prefix", checkpoints(objects, grants.stacksReadByPreview())));
        statements.add(Statement.deny("PreviewReadsNothingElse")
                .principal(preview)
                .actions(GET)
                .notResources(previewReads.toArray(String[]::new)));
        statements.add(Statement.deny("PreviewWritesNothing")
                .principal(preview)
                .actions(PUT, DELETE, ABORT_UPLOAD)
                .resources(bucketArn + "/*"));

        // What each deploy role may do is granted by its own identity policy (deployRolePolicy): the role lives in
        // the bucket's account, where an allow in either policy suffices, and this policy would pass AWS's 20 KB
        // at about six environments if it carried the grants too (with the denies alone, at about twelve). Here stay the denies that hold whatever IAM
        // permissions a role is given later.
        grants.deployRoleArns().forEach((env, roleArn) -> {
            String sid = "Deploy" + pascal(env);
            Principal deploy = Principal.aws(roleArn);
            List<String> reads = readable(bucketArn, objects, grants.stacksReadBy(env));
            List<String> updates = objectArns(bucketArn, updatePatterns(objects, grants.stacksUpdatedBy(env)));
            statements.add(Statement.deny(sid + "ReadsNothingElse")
                    .principal(deploy)
                    .actions(GET)
                    .notResources(Stream.concat(reads.stream(), updates.stream()).toArray(String[]::new)));
            statements.add(Statement.deny(sid + "WritesNothingElse")
                    .principal(deploy)
                    .actions(PUT, DELETE, ABORT_UPLOAD)
                    .notResources(updates.toArray(String[]::new)));
        });
        grants.review().ifPresent(review -> {
            Principal reviewer = Principal.aws(review.roleArn());
            List<String> reads = readable(bucketArn, objects, grants.stacksReadByReview());
            List<String> updates = objectArns(bucketArn, objects.reviewUpdatePatterns());
            statements.add(Statement.deny("ReviewReadsNothingElse")
                    .principal(reviewer)
                    .actions(GET)
                    .notResources(Stream.concat(reads.stream(), updates.stream()).toArray(String[]::new)));
            statements.add(Statement.deny("ReviewWritesNothingElse")
                    .principal(reviewer)
                    .actions(PUT, DELETE, ABORT_UPLOAD)
                    .notResources(updates.toArray(String[]::new)));
            statements.add(Statement.deny("ReviewListsNothingElse")
                    .principal(reviewer)
                    .actions(LIST)
                    .resources(bucketArn)
                    .when("StringNotLike", "s3:prefix", reviewListPrefixes(objects, grants)));
        });
        // One deny for every CI role keeps the policy small: no role lists outside the prefixes some CI role is
        // allowed (each role's own allowance is narrower). The review role's prefixes are patterns, denied above.
        statements.add(Statement.deny("DenyCiListingElsewhere")
                .principal(principals(grants.ciRoleArns().stream().filter(arn -> grants.review().map(r -> !r.roleArn().equals(arn)).orElse(true)).toList()))
                .actions(LIST)
                .resources(bucketArn)
                .when("StringNotEquals", "s3:prefix", allListPrefixes(objects, grants)));
        return new PolicyDocument(statements);
    }

    /**
     * The identity policy of an environment's deploy role: it reads the backend's {@code meta.yaml} and the
     * checkpoints of the stacks its stack reads; reads, writes and deletes its own stack's checkpoint, history,
     * backups and locks; and lists the bucket only with the prefixes the CLI uses for those. The bucket policy
     * denies it everything else ({@link #bucketPolicy}).
     */
    public static PolicyDocument deployRolePolicy(String bucketArn, StateGrants grants, String environment) {
        StateObjects objects = grants.objects();
        List<String> own = grants.stacksUpdatedBy(environment);
        String[] prefixes = Stream.concat(Stream.of(checkpoints(objects, grants.stacksReadBy(environment))),
                own.stream().flatMap(stack -> objects.updateListPrefixes(stack).stream())).toArray(String[]::new);
        return PolicyDocument.of(
                Statement.allow("ReadsState")
                        .actions(GET)
                        .resources(readable(bucketArn, objects, grants.stacksReadBy(environment))),
                Statement.allow("UpdatesOwnState")
                        .actions(GET, PUT, DELETE, ABORT_UPLOAD)
                        .resources(objectArns(bucketArn, updatePatterns(objects, own))),
                Statement.allow("ListsOwnState")
                        .actions(LIST)
                        .resources(bucketArn)
                        .when("StringEquals", "s3:prefix", prefixes));
    }

    /**
     * The identity policy of CI's review role: it reads the backend's {@code meta.yaml} and the checkpoints of the shared
     * stack and the review environment's stack; reads, writes and deletes the checkpoints, history, backups and locks of
     * every review stack ({@code pr-*}); and lists the bucket only with the prefixes the CLI uses for those. The bucket
     * policy denies it everything else ({@link #bucketPolicy}).
     */
    public static PolicyDocument reviewRolePolicy(String bucketArn, StateGrants grants) {
        StateObjects objects = grants.objects();
        return PolicyDocument.of(
                Statement.allow("ReadsState")
                        .actions(GET)
                        .resources(readable(bucketArn, objects, grants.stacksReadByReview())),
                Statement.allow("UpdatesReviewStacksState")
                        .actions(GET, PUT, DELETE, ABORT_UPLOAD)
                        .resources(objectArns(bucketArn, objects.reviewUpdatePatterns())),
                Statement.allow("ListsReviewStacksState")
                        .actions(LIST)
                        .resources(bucketArn)
                        .when("StringLike", "s3:prefix", reviewListPrefixes(objects, grants)));
    }

    /** What the review role lists with: the checkpoints it reads, and its review stacks' prefixes (as patterns). */
    private static String[] reviewListPrefixes(StateObjects objects, StateGrants grants) {
        return Stream.concat(Stream.of(checkpoints(objects, grants.stacksReadByReview())), objects.reviewListPatterns().stream())
                .toArray(String[]::new);
    }

    /**
     * The state key's policy. The account administers and uses the key through IAM (without this statement nobody
     * could). Every CI role may decrypt: the stacks' secrets data keys (the {@code encryptedkey} of each stack file)
     * and, through S3, the state objects it may read. Deploy roles (and the review role) may also make data keys, only through S3 and only
     * for the state bucket, to write their state. No CI role may encrypt directly (so none can mint a stack's data
     * key), change, disable or schedule the deletion of the key.
     */
    public static PolicyDocument keyPolicy(String accountId, String region, String bucketArn, StateGrants grants) {
        String viaS3 = Partition.of(region).endpoint("s3", region);
        Principal[] ci = principals(grants.ciRoleArns());
        List<String> writers = new ArrayList<>(grants.deployRoleArns().values());
        grants.review().ifPresent(r -> writers.add(r.roleArn()));
        Principal[] deploy = principals(writers);
        return PolicyDocument.of(
                Statement.administerKey("AccountAdministersKeyThroughIam", Principal.account(Partition.of(region), accountId)),
                Statement.allow("CiDecryptsStateAndSecrets")
                        .principal(ci)
                        .actions("kms:Decrypt")
                        .resources("*"),
                Statement.allow("DeployEncryptsStateObjectsThroughS3")
                        .principal(deploy)
                        .actions("kms:GenerateDataKey")
                        .resources("*")
                        .when("StringEquals", "kms:ViaService", viaS3)
                        .when("StringLike", "kms:EncryptionContext:aws:s3:arn", bucketArn, bucketArn + "/*"),
                Statement.deny("DenyCiOtherKeyUse")
                        .principal(ci)
                        .notActions("kms:Decrypt", "kms:GenerateDataKey")
                        .resources("*"),
                Statement.deny("DenyCiDataKeysOutsideS3")
                        .principal(ci)
                        .actions("kms:GenerateDataKey")
                        .resources("*")
                        .when("StringNotEquals", "kms:ViaService", viaS3),
                Statement.deny("DenyPreviewDataKeys")
                        .principal(Principal.aws(grants.previewRoleArn()))
                        .actions("kms:GenerateDataKey")
                        .resources("*"));
    }

    /**
     * The access-log bucket's policy: TLS only; S3's log delivery writes under {@code prefix}, only for the state
     * bucket of this account, which is how S3 documents granting it with ACLs disabled
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html, read 2026-12-02).
     */
    public static PolicyDocument accessLogPolicy(String logBucketArn, String prefix, String sourceBucketArn, String accountId) {
        return PolicyDocument.of(
                Statement.denyInsecureTransport(logBucketArn),
                Statement.grantToService("S3ServerAccessLogDelivery", ServicePrincipal.S3_LOGGING, Partition.ofArn(logBucketArn), PUT)
                        .resources(logBucketArn + "/" + prefix + "*")
                        .when("ArnLike", "aws:SourceArn", sourceBucketArn)
                        .onBehalfOf(accountId));
    }

    /**
     * The size of the bucket policy for these grants, with a bucket and key ARN of the length the shared stack's
     * will have (an auto-named {@code state-bucket-<7 characters>} bucket, a key ID of 36 characters): the policy grows
     * with every environment, and AWS refuses one over {@link #BUCKET_POLICY_LIMIT} characters.
     */
    public static int bucketPolicySize(String accountId, String region, StateGrants grants) {
        String bucketArn = Partition.of(region).s3("state-bucket-0000000");
        String keyArn = Partition.of(region).arn("kms", region, accountId, "key/00000000-0000-0000-0000-000000000000");
        return bucketPolicy(bucketArn, keyArn, grants).size();
    }

    private static List<String> readable(String bucketArn, StateObjects objects, List<String> stacks) {
        List<String> patterns = new ArrayList<>();
        patterns.add(objects.meta());
        stacks.forEach(stack -> patterns.addAll(objects.readPatterns(stack)));
        return objectArns(bucketArn, patterns);
    }

    private static String[] allListPrefixes(StateObjects objects, StateGrants grants) {
        TreeSet<String> prefixes = new TreeSet<>(List.of(checkpoints(objects, grants.stacksReadByPreview())));
        grants.deployRoleArns().keySet().forEach(env -> grants.stacksUpdatedBy(env).forEach(stack -> prefixes.addAll(objects.updateListPrefixes(stack))));
        return prefixes.toArray(String[]::new);
    }

    private static List<String> updatePatterns(StateObjects objects, List<String> stacks) {
        return stacks.stream().flatMap(stack -> objects.updatePatterns(stack).stream()).toList();
    }

    private static String[] checkpoints(StateObjects objects, List<String> stacks) {
        return stacks.stream().map(objects::checkpoint).toArray(String[]::new);
    }

    private static List<String> objectArns(String bucketArn, List<String> keys) {
        return keys.stream().map(k -> bucketArn + "/" + k).toList();
    }

    private static Principal[] principals(List<String> arns) {
        return arns.stream().map(Principal::aws).toArray(Principal[]::new);
    }

    /** {@code dev-eu} as {@code DevEu}: statement ids are alphanumeric. */
    static String pascal(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
