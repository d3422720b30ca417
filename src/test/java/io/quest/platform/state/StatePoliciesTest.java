package io.quest.platform.state;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import io.quest.platform.state.PolicySimulator.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who can read and write which state objects, and use the state key, evaluated against the policies as AWS would
 * (see {@link PolicySimulator}). Object keys are the ones the Pulumi CLI uses ({@link StateObjects}).
 */
class StatePoliciesTest {

    static final String BUCKET = "arn:aws:s3:::state-bucket-1a2b3c4";
    static final String KEY = "arn:aws:kms:eu-west-1:111111111111:key/0c1d2e3f-0000-4000-8000-000000000002";
    static final Principal PREVIEW = Principal.aws("arn:aws:iam::111111111111:role/quest-platform-ci-preview");
    static final Principal DEPLOY_DEV = Principal.aws("arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev");
    static final Principal DEPLOY_PROD = Principal.aws("arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod");
    static final Principal ADMIN = Principal.aws("arn:aws:iam::111111111111:role/platform-admin");
    static final StateGrants GRANTS = new StateGrants(new StateObjects("quest-platform"), "shared", PREVIEW.id(),
            Map.of("dev", DEPLOY_DEV.id(), "prod", DEPLOY_PROD.id()), Map.of("prod", List.of("dev")));

    /** The bucket policy and each deploy role's own policy, as AWS weighs them for roles of the bucket's account. */
    private static final PolicySimulator BUCKET_POLICY = new PolicySimulator(effective(GRANTS));
    private static final PolicySimulator KEY_POLICY = new PolicySimulator(StatePolicies.keyPolicy("111111111111", "eu-west-1", BUCKET, GRANTS));
    private static final Map<String, String> VIA_S3 = Map.of("kms:ViaService", "s3.eu-west-1.amazonaws.com",
            "kms:EncryptionContext:aws:s3:arn", BUCKET);

    /**
     * The bucket policy plus every deploy role's identity policy, each of its statements given that role as principal:
     * for a principal in the bucket's own account AWS allows a request that either policy allows, unless one denies it.
     */
    static PolicyDocument effective(StateGrants grants) {
        List<Statement> all = new ArrayList<>(StatePolicies.bucketPolicy(BUCKET, KEY, grants).statements());
        grants.deployRoleArns().forEach((env, role) -> StatePolicies.deployRolePolicy(BUCKET, grants, env).statements()
                .forEach(s -> all.add(new Statement(StatePolicies.pascal(env) + s.sid(), s.effect(), List.of(Principal.aws(role)),
                        s.actions(), s.notActions(), s.resources(), s.notResources(), s.conditions()))));
        return new PolicyDocument(all);
    }

    private static String object(String key) {
        return BUCKET + "/" + key;
    }

    private static Decision s3(Principal who, String action, String key) {
        return BUCKET_POLICY.decide(who, action, object(key));
    }

    private static Decision list(Principal who, String prefix) {
        return BUCKET_POLICY.decide(who, "s3:ListBucket", BUCKET, prefix == null ? Map.of() : Map.of("s3:prefix", prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ".pulumi/stacks/quest-platform/dev.json",
            ".pulumi/stacks/quest-platform/dev.json.gz",
            ".pulumi/stacks/quest-platform/dev.json.zst",
            ".pulumi/stacks/quest-platform/dev.json.bak",
            ".pulumi/stacks/quest-platform/dev.json.1764668400000000000",
            ".pulumi/history/quest-platform/dev/dev-1764668400000000000.history.json",
            ".pulumi/history/quest-platform/dev/dev-1764668400000000000.checkpoint.json",
            ".pulumi/backups/quest-platform/dev/dev.1764668400000000000.json",
            ".pulumi/locks/organization/quest-platform/dev/6f1c9e0a-4b7d-4a53-9a55-0d2e8c1f7b11.json"})
    void a_deploy_role_reads_writes_and_deletes_every_object_an_update_of_its_own_stack_touches(String key) {
        for (String action : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload")) {
            assertThat(s3(DEPLOY_DEV, action, key)).as(action + " " + key).isEqualTo(Decision.ALLOW);
        }
        assertThat(s3(DEPLOY_PROD, "s3:PutObject", key)).as("prod's role writing dev's " + key).isEqualTo(Decision.DENY);
        assertThat(s3(PREVIEW, "s3:PutObject", key)).as("the preview role writing " + key).isEqualTo(Decision.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ".pulumi/meta.yaml",
            ".pulumi/stacks/quest-platform/shared.json",
            ".pulumi/stacks/quest-platform/prod.json",
            ".pulumi/stacks/quest-platform/dev-network.json",
            ".pulumi/stacks/quest-platform/dev",
            ".pulumi/stacks/dev.json",
            ".pulumi/stacks/other-project/dev.json",
            ".pulumi/history/quest-platform/prod/prod-1.history.json",
            ".pulumi/locks/organization/quest-platform/prod/lock.json",
            ".pulumi/locks/organization/quest-platform/dev-network/lock.json",
            "notes.txt"})
    void a_deploy_role_writes_and_deletes_nothing_outside_its_own_stack(String key) {
        assertThat(s3(DEPLOY_DEV, "s3:PutObject", key)).isEqualTo(Decision.DENY);
        assertThat(s3(DEPLOY_DEV, "s3:DeleteObject", key)).isEqualTo(Decision.DENY);
        assertThat(s3(DEPLOY_DEV, "s3:AbortMultipartUpload", key)).isEqualTo(Decision.DENY);
    }

    @Test
    void deploy_roles_read_the_shared_checkpoint_and_the_configured_stacks_only() {
        String shared = ".pulumi/stacks/quest-platform/shared.json";
        String dev = ".pulumi/stacks/quest-platform/dev.json";
        String prod = ".pulumi/stacks/quest-platform/prod.json";

        assertThat(s3(DEPLOY_DEV, "s3:GetObject", ".pulumi/meta.yaml")).isEqualTo(Decision.ALLOW);
        assertThat(s3(DEPLOY_DEV, "s3:GetObject", shared)).isEqualTo(Decision.ALLOW);
        assertThat(s3(DEPLOY_PROD, "s3:GetObject", shared)).isEqualTo(Decision.ALLOW);
        assertThat(s3(DEPLOY_PROD, "s3:GetObject", dev)).as("prod promotes dev's image").isEqualTo(Decision.ALLOW);
        assertThat(s3(DEPLOY_DEV, "s3:GetObject", prod)).as("dev reads nothing of prod").isEqualTo(Decision.DENY);
        assertThat(s3(DEPLOY_PROD, "s3:GetObject", ".pulumi/history/quest-platform/dev/dev-1.checkpoint.json"))
                .as("reading a stack means its current checkpoint, not its history").isEqualTo(Decision.DENY);
        assertThat(s3(DEPLOY_PROD, "s3:GetObject", ".pulumi/stacks/quest-platform/dev-network.json")).isEqualTo(Decision.DENY);
    }

    @Test
    void the_preview_role_reads_every_environment_checkpoint_and_the_shared_one_and_writes_nothing() {
        for (String stack : List.of("shared", "dev", "prod")) {
            String checkpoint = ".pulumi/stacks/quest-platform/" + stack + ".json";
            assertThat(s3(PREVIEW, "s3:GetObject", checkpoint)).as(stack).isEqualTo(Decision.ALLOW);
            assertThat(s3(PREVIEW, "s3:PutObject", checkpoint)).as(stack).isEqualTo(Decision.DENY);
            assertThat(s3(PREVIEW, "s3:DeleteObject", checkpoint)).as(stack).isEqualTo(Decision.DENY);
            assertThat(list(PREVIEW, checkpoint)).as("finding the checkpoint of " + stack).isEqualTo(Decision.ALLOW);
        }
        assertThat(s3(PREVIEW, "s3:GetObject", ".pulumi/meta.yaml")).isEqualTo(Decision.ALLOW);
        assertThat(s3(PREVIEW, "s3:PutObject", ".pulumi/locks/organization/quest-platform/dev/lock.json"))
                .as("a preview takes no lock").isEqualTo(Decision.DENY);
        assertThat(s3(PREVIEW, "s3:GetObject", ".pulumi/backups/quest-platform/prod/prod.1.json")).isEqualTo(Decision.DENY);
    }

    @Test
    void deploy_roles_list_only_where_the_cli_looks_for_their_stacks() {
        assertThat(list(DEPLOY_DEV, ".pulumi/stacks/quest-platform/dev.json")).isEqualTo(Decision.ALLOW);
        assertThat(list(DEPLOY_DEV, ".pulumi/stacks/quest-platform/shared.json")).isEqualTo(Decision.ALLOW);
        assertThat(list(DEPLOY_DEV, ".pulumi/locks/organization/quest-platform/dev/")).isEqualTo(Decision.ALLOW);
        assertThat(list(DEPLOY_DEV, ".pulumi/history/quest-platform/dev/")).isEqualTo(Decision.ALLOW);
        assertThat(list(DEPLOY_PROD, ".pulumi/stacks/quest-platform/dev.json")).isEqualTo(Decision.ALLOW);

        // Not allowed here, and the CI roles hold no S3 permissions of their own: refused.
        assertThat(list(DEPLOY_DEV, ".pulumi/stacks/quest-platform/prod.json")).isEqualTo(Decision.NONE);
        assertThat(list(DEPLOY_DEV, ".pulumi/locks/organization/quest-platform/prod/")).isEqualTo(Decision.NONE);
        assertThat(list(PREVIEW, ".pulumi/locks/organization/quest-platform/prod/")).isEqualTo(Decision.NONE);
        // Outside every stack of the platform: refused whatever IAM permissions a CI role is given later.
        assertThat(list(DEPLOY_DEV, ".pulumi/")).isEqualTo(Decision.DENY);
        assertThat(list(DEPLOY_DEV, null)).as("listing the whole bucket").isEqualTo(Decision.DENY);
        assertThat(list(PREVIEW, null)).isEqualTo(Decision.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3:DeleteObjectVersion", "s3:GetObjectVersion", "s3:PutObjectAcl", "s3:PutBucketPolicy",
            "s3:DeleteBucket", "s3:PutLifecycleConfiguration", "s3:ListBucketVersions", "s3:PutBucketVersioning"})
    void no_ci_role_touches_versions_acls_or_bucket_settings(String action) {
        for (Principal ci : List.of(PREVIEW, DEPLOY_DEV, DEPLOY_PROD)) {
            assertThat(BUCKET_POLICY.decide(ci, action, object(".pulumi/stacks/quest-platform/dev.json"))).as(ci.id()).isEqualTo(Decision.DENY);
            assertThat(BUCKET_POLICY.decide(ci, action, BUCKET)).as(ci.id()).isEqualTo(Decision.DENY);
        }
    }

    @Test
    void administrators_are_left_to_their_own_iam_permissions_and_nobody_gets_in_without_tls() {
        for (String action : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion")) {
            assertThat(s3(ADMIN, action, ".pulumi/stacks/quest-platform/shared.json")).as(action).isEqualTo(Decision.NONE);
        }
        Map<String, String> plainHttp = Map.of("aws:SecureTransport", "false");
        for (Principal who : List.of(ADMIN, DEPLOY_DEV, PREVIEW)) {
            assertThat(BUCKET_POLICY.decide(who, "s3:GetObject", object(".pulumi/stacks/quest-platform/dev.json"), plainHttp))
                    .as(who.id()).isEqualTo(Decision.DENY);
        }
    }

    @Test
    void objects_are_written_only_under_the_state_key() {
        String key = ".pulumi/stacks/quest-platform/dev.json";
        assertThat(BUCKET_POLICY.decide(DEPLOY_DEV, "s3:PutObject", object(key), Map.of())).as("default encryption applies").isEqualTo(Decision.ALLOW);
        assertThat(BUCKET_POLICY.decide(DEPLOY_DEV, "s3:PutObject", object(key), Map.of("s3:x-amz-server-side-encryption", "AES256")))
                .isEqualTo(Decision.DENY);
        assertThat(BUCKET_POLICY.decide(ADMIN, "s3:PutObject", object(key), Map.of("s3:x-amz-server-side-encryption", "aws:kms",
                "s3:x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:eu-west-1:111111111111:key/another")))
                .isEqualTo(Decision.DENY);
        assertThat(BUCKET_POLICY.decide(DEPLOY_DEV, "s3:PutObject", object(key), Map.of("s3:x-amz-server-side-encryption", "aws:kms",
                "s3:x-amz-server-side-encryption-aws-kms-key-id", KEY))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void every_ci_role_decrypts_but_only_deploy_roles_make_data_keys_and_only_through_s3_for_the_state_bucket() {
        for (Principal ci : List.of(PREVIEW, DEPLOY_DEV, DEPLOY_PROD)) {
            assertThat(KEY_POLICY.decide(ci, "kms:Decrypt", "*")).as("secrets: " + ci.id()).isEqualTo(Decision.ALLOW);
            assertThat(KEY_POLICY.decide(ci, "kms:Decrypt", "*", VIA_S3)).as("state objects: " + ci.id()).isEqualTo(Decision.ALLOW);
            assertThat(KEY_POLICY.decide(ci, "kms:GenerateDataKey", "*")).as("directly: " + ci.id()).isEqualTo(Decision.DENY);
        }
        assertThat(KEY_POLICY.decide(DEPLOY_DEV, "kms:GenerateDataKey", "*", VIA_S3)).isEqualTo(Decision.ALLOW);
        assertThat(KEY_POLICY.decide(DEPLOY_PROD, "kms:GenerateDataKey", "*", VIA_S3)).isEqualTo(Decision.ALLOW);
        assertThat(KEY_POLICY.decide(PREVIEW, "kms:GenerateDataKey", "*", VIA_S3)).isEqualTo(Decision.DENY);
        assertThat(KEY_POLICY.decide(DEPLOY_DEV, "kms:GenerateDataKey", "*", Map.of("kms:ViaService", "s3.eu-west-1.amazonaws.com",
                "kms:EncryptionContext:aws:s3:arn", "arn:aws:s3:::another-bucket"))).as("another bucket").isEqualTo(Decision.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kms:Encrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKeyWithoutPlaintext", "kms:PutKeyPolicy",
            "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:DisableKeyRotation", "kms:CreateGrant", "kms:UpdateAlias"})
    void no_ci_role_encrypts_directly_or_manages_the_key(String action) {
        for (Principal ci : List.of(PREVIEW, DEPLOY_DEV, DEPLOY_PROD)) {
            assertThat(KEY_POLICY.decide(ci, action, "*")).as(ci.id()).isEqualTo(Decision.DENY);
        }
        assertThat(KEY_POLICY.decide(Principal.account(Partition.AWS, "111111111111"), action, "*")).as("the account, through IAM").isEqualTo(Decision.ALLOW);
        assertThat(KEY_POLICY.decide(ADMIN, action, "*")).as("an administrator: IAM decides").isEqualTo(Decision.NONE);
    }

    @Test
    void only_s3_log_delivery_for_the_state_bucket_writes_access_logs() {
        String logs = "arn:aws:s3:::state-access-logs-9f8e7d6";
        PolicySimulator policy = new PolicySimulator(StatePolicies.accessLogPolicy(logs, "state/", BUCKET, "111111111111"));
        Principal delivery = Principal.service("logging.s3.amazonaws.com");
        Map<String, String> fromState = Map.of("aws:SourceArn", BUCKET, "aws:SourceAccount", "111111111111");

        assertThat(policy.decide(delivery, "s3:PutObject", logs + "/state/2026-12-02-10-00-00-ABCDEF", fromState)).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(delivery, "s3:PutObject", logs + "/state/x", Map.of("aws:SourceArn", "arn:aws:s3:::another-bucket",
                "aws:SourceAccount", "111111111111"))).isEqualTo(Decision.NONE);
        assertThat(policy.decide(delivery, "s3:PutObject", logs + "/elsewhere/x", fromState)).isEqualTo(Decision.NONE);
        assertThat(policy.decide(DEPLOY_DEV, "s3:PutObject", logs + "/state/x", fromState)).isEqualTo(Decision.NONE);
    }

    @Test
    void the_policies_of_a_platform_with_ten_environments_fit_within_aws_limits() {
        Map<String, String> deploy = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            deploy.put("env" + i, "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-env" + i);
        }
        Map<String, List<String>> reads = new LinkedHashMap<>();
        for (int i = 2; i <= 10; i++) {
            reads.put("env" + i, List.of("env" + (i - 1)));
        }
        StateGrants ten = new StateGrants(new StateObjects("quest-platform"), "shared", PREVIEW.id(), deploy, reads);

        PolicyDocument bucket = StatePolicies.bucketPolicy(BUCKET, KEY, ten);

        assertThat(bucket.size()).isLessThanOrEqualTo(20_480).isEqualTo(StatePolicies.bucketPolicySize("111111111111", "eu-west-1", ten));
        assertThat(StatePolicies.keyPolicy("111111111111", "eu-west-1", BUCKET, ten).size()).isLessThanOrEqualTo(32_768);
        assertThat(StatePolicies.deployRolePolicy(BUCKET, ten, "env10").size()).isLessThanOrEqualTo(PolicyDocument.INLINE_ROLE_POLICY_LIMIT);
        assertThat(StatePolicies.deployRolePolicy(BUCKET, ten, "env10").statement("UpdatesOwnState").resources())
                .contains(object(".pulumi/locks/organization/quest-platform/env10/*"));
        assertThat(bucket.statements()).as("the bucket policy grants no deploy role anything")
                .noneMatch(st -> st.effect() == Statement.Effect.Allow && st.principals().stream().anyMatch(p -> deploy.containsValue(p.id())));
    }

    @Test
    void a_deploy_role_is_denied_by_the_bucket_policy_what_its_own_policy_does_not_grant_even_if_given_more() {
        // The role later gets s3:* on everything through IAM; the bucket policy still keeps it to its own stack.
        List<Statement> widened = new ArrayList<>(effective(GRANTS).statements());
        widened.add(Statement.allow("Widened").principal(DEPLOY_DEV).actions("s3:*").resources(BUCKET, BUCKET + "/*"));
        PolicySimulator policy = new PolicySimulator(new PolicyDocument(widened));

        assertThat(policy.decide(DEPLOY_DEV, "s3:PutObject", object(".pulumi/stacks/quest-platform/prod.json"))).isEqualTo(Decision.DENY);
        assertThat(policy.decide(DEPLOY_DEV, "s3:GetObject", object(".pulumi/stacks/quest-platform/prod.json"))).isEqualTo(Decision.DENY);
        assertThat(policy.decide(DEPLOY_DEV, "s3:PutBucketPolicy", BUCKET)).isEqualTo(Decision.DENY);
        assertThat(policy.decide(DEPLOY_DEV, "s3:PutObject", object(".pulumi/stacks/quest-platform/dev.json"))).isEqualTo(Decision.ALLOW);
    }
}
