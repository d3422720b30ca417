package io.quest.platform.state;

import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.state.PolicySimulator.Decision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CI's review role and the state bucket: it creates, updates and removes review stacks ({@code pr-<n>}) only, reads the
 * shared stack's and dev's checkpoints and nothing else, and lists only where the Pulumi CLI looks for those; its own
 * identity policy allows exactly that, and the bucket policy denies it everything else whatever IAM later grants it.
 */
class StateReviewStacksTest {

    private static final String BUCKET = "arn:aws:s3:::quest-platform-state-111111111111";
    private static final String KEY = "arn:aws:kms:eu-west-1:111111111111:key/k";
    private static final String REVIEW = "arn:aws:iam::111111111111:role/quest-platform-ci-review";
    private static final Principal REVIEWER = Principal.aws(REVIEW);
    private static final StateObjects OBJECTS = new StateObjects("quest-platform");
    private static final StateGrants GRANTS = new StateGrants(OBJECTS, "shared", "arn:aws:iam::111111111111:role/quest-platform-ci-preview",
            Map.of("dev", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev",
                    "prod", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod"),
            Map.of("prod", List.of("dev")), Set.of("dev"), Optional.of(new ReviewGrant(REVIEW, "dev")));

    private static String object(String key) {
        return BUCKET + "/" + key;
    }

    @Test
    void the_bucket_policy_lets_the_review_role_write_only_review_stacks_and_read_only_shared_and_dev() {
        var bucket = new PolicySimulator(StatePolicies.bucketPolicy(BUCKET, KEY, GRANTS));

        for (String key : List.of(OBJECTS.checkpoint("pr-42"), OBJECTS.checkpoint("pr-42") + ".bak", OBJECTS.historyFolder("pr-42") + "pr-42-1.history.json",
                OBJECTS.backupsFolder("pr-7") + "pr-7.1.json", OBJECTS.locksFolder("pr-42") + "abc.json")) {
            assertThat(bucket.decide(REVIEWER, "s3:PutObject", object(key))).as(key).isNotEqualTo(Decision.DENY);
            assertThat(bucket.decide(REVIEWER, "s3:DeleteObject", object(key))).as(key).isNotEqualTo(Decision.DENY);
        }
        for (String stack : List.of("dev", "dev-data", "prod", "shared")) {
            assertThat(bucket.decide(REVIEWER, "s3:PutObject", object(OBJECTS.checkpoint(stack)))).as(stack).isEqualTo(Decision.DENY);
            assertThat(bucket.decide(REVIEWER, "s3:DeleteObject", object(OBJECTS.locksFolder(stack) + "x.json"))).as(stack).isEqualTo(Decision.DENY);
        }
        assertThat(bucket.decide(REVIEWER, "s3:GetObject", object(OBJECTS.checkpoint("dev")))).isNotEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:GetObject", object(OBJECTS.checkpoint("shared")))).isNotEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:GetObject", object(OBJECTS.meta()))).isNotEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:GetObject", object(OBJECTS.checkpoint("prod")))).isEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:GetObject", object(OBJECTS.checkpoint("dev-data")))).isEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:PutBucketPolicy", BUCKET)).isEqualTo(Decision.DENY);

        // Listing: the review stacks' prefixes and the checkpoints it reads; not the whole stacks folder.
        assertThat(bucket.decide(REVIEWER, "s3:ListBucket", BUCKET, Map.of("s3:prefix", OBJECTS.checkpoint("pr-42")))).isNotEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:ListBucket", BUCKET, Map.of("s3:prefix", OBJECTS.historyFolder("pr-42")))).isNotEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:ListBucket", BUCKET, Map.of("s3:prefix", OBJECTS.checkpoint("dev")))).isNotEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:ListBucket", BUCKET, Map.of("s3:prefix", ".pulumi/stacks/quest-platform/"))).isEqualTo(Decision.DENY);
        assertThat(bucket.decide(REVIEWER, "s3:ListBucket", BUCKET, Map.of("s3:prefix", OBJECTS.historyFolder("prod")))).isEqualTo(Decision.DENY);

        // The deploy roles' listing is unchanged, and none of them may write a review stack.
        Principal dev = Principal.aws("arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev");
        assertThat(bucket.decide(dev, "s3:ListBucket", BUCKET, Map.of("s3:prefix", OBJECTS.checkpoint("dev")))).isNotEqualTo(Decision.DENY);
        assertThat(bucket.decide(dev, "s3:PutObject", object(OBJECTS.checkpoint("pr-42")))).isEqualTo(Decision.DENY);
    }

    @Test
    void the_review_roles_own_policy_allows_its_stacks_and_reads_and_nothing_more() {
        PolicyDocument policy = StatePolicies.reviewRolePolicy(BUCKET, GRANTS);
        // An identity policy names no principal: evaluate its statements as the role's own.
        var own = new PolicySimulator(new PolicyDocument(policy.statements().stream().map(st -> st.principal(REVIEWER)).toList()));

        assertThat(own.decide(REVIEWER, "s3:PutObject", object(OBJECTS.checkpoint("pr-42")))).isEqualTo(Decision.ALLOW);
        assertThat(own.decide(REVIEWER, "s3:GetObject", object(OBJECTS.checkpoint("dev")))).isEqualTo(Decision.ALLOW);
        assertThat(own.decide(REVIEWER, "s3:PutObject", object(OBJECTS.checkpoint("dev")))).isEqualTo(Decision.NONE);
        assertThat(own.decide(REVIEWER, "s3:GetObject", object(OBJECTS.checkpoint("prod")))).isEqualTo(Decision.NONE);
        assertThat(own.decide(REVIEWER, "s3:ListBucket", BUCKET, Map.of("s3:prefix", OBJECTS.locksFolder("pr-42")))).isEqualTo(Decision.ALLOW);
        assertThat(own.decide(REVIEWER, "s3:ListBucket", BUCKET, Map.of("s3:prefix", ".pulumi/"))).isEqualTo(Decision.NONE);
        assertThat(policy.toJson()).doesNotContain("\"s3:*\"").doesNotContain("\"Resource\":\"*\"");
    }

    @Test
    void the_state_key_lets_the_review_role_decrypt_and_write_state_through_s3_but_never_mint_a_data_key() {
        var key = new PolicySimulator(StatePolicies.keyPolicy("111111111111", "eu-west-1", BUCKET, GRANTS));
        Map<String, String> viaS3 = Map.of("kms:ViaService", "s3.eu-west-1.amazonaws.com",
                "kms:EncryptionContext:aws:s3:arn", object(OBJECTS.checkpoint("pr-42")));

        assertThat(key.decide(REVIEWER, "kms:Decrypt", KEY)).isEqualTo(Decision.ALLOW);
        assertThat(key.decide(REVIEWER, "kms:GenerateDataKey", KEY, viaS3)).isEqualTo(Decision.ALLOW);
        assertThat(key.decide(REVIEWER, "kms:GenerateDataKey", KEY)).isEqualTo(Decision.DENY);
        assertThat(key.decide(REVIEWER, "kms:Encrypt", KEY)).isEqualTo(Decision.DENY);
        assertThat(key.decide(REVIEWER, "kms:ScheduleKeyDeletion", KEY)).isEqualTo(Decision.DENY);
    }

    @Test
    void without_review_stacks_nothing_changes() {
        StateGrants without = new StateGrants(OBJECTS, GRANTS.sharedStack(), GRANTS.previewRoleArn(), GRANTS.deployRoleArns(), GRANTS.reads(),
                GRANTS.dataStacks());
        assertThat(without.ciRoleArns()).doesNotContain(REVIEW);
        assertThat(StatePolicies.bucketPolicy(BUCKET, KEY, without).toJson()).doesNotContain("Review").doesNotContain("pr-");
        assertThat(GRANTS.stacksReadByReview()).containsExactly("dev", "shared");
    }
}
