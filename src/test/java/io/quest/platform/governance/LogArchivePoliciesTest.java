package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The log archive's bucket and key policies as data: who may write where, and what is always refused. */
class LogArchivePoliciesTest {

    private static final String BUCKET = "arn:aws:s3:::log-archive-bucket-1234567";
    private static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333");
    private static final PolicyDocument BUCKET_POLICY = LogArchivePolicies.bucketPolicy(BUCKET, ACCOUNTS);

    @Test
    void every_request_without_tls_is_denied_to_everyone_on_bucket_and_objects() {
        Statement tls = BUCKET_POLICY.statement("DenyInsecureTransport");

        assertThat(tls.effect()).isEqualTo(Statement.Effect.Deny);
        assertThat(tls.principals()).containsExactly(new Principal("*", "*"));
        assertThat(tls.actions()).containsExactly("s3:*");
        assertThat(tls.resources()).containsExactly(BUCKET, BUCKET + "/*");
        assertThat(tls.condition("Bool", "aws:SecureTransport")).containsExactly("false");
    }

    @Test
    void only_cloudtrail_and_config_are_admitted_and_always_with_a_source_account() {
        List<Statement> allows = BUCKET_POLICY.statements().stream().filter(s -> s.effect() == Statement.Effect.Allow).toList();

        assertThat(allows).hasSize(2 + 2 * ACCOUNTS.size());
        assertThat(allows).flatExtracting(Statement::principals).extracting(Principal::id)
                .containsOnly("cloudtrail.amazonaws.com", "config.amazonaws.com");
        assertThat(allows).allSatisfy(s -> assertThat(s.condition("StringEquals", "aws:SourceAccount")).isNotEmpty()
                .isSubsetOf(ACCOUNTS));
        assertThat(BUCKET_POLICY.toJson()).doesNotContain("\"AWS\"").doesNotContain("s3:DeleteObject");
    }

    @Test
    void each_account_writes_only_under_its_own_prefix_and_each_service_only_its_own_folder() {
        Statement trail = BUCKET_POLICY.statement("CloudTrailWrite222222222222");
        Statement config = BUCKET_POLICY.statement("ConfigWrite222222222222");

        assertThat(trail.resources()).containsExactly(BUCKET + "/AWSLogs/222222222222/CloudTrail*");
        assertThat(trail.condition("StringEquals", "aws:SourceAccount")).containsExactly("222222222222");
        assertThat(trail.condition("StringEquals", "s3:x-amz-acl")).containsExactly("bucket-owner-full-control");
        assertThat(trail.actions()).containsExactly("s3:PutObject");
        assertThat(config.resources()).containsExactly(BUCKET + "/AWSLogs/222222222222/Config/*");
        assertThat(config.condition("StringEquals", "aws:SourceAccount")).containsExactly("222222222222");
        assertThat(config.principals()).containsExactly(Principal.service("config.amazonaws.com"));
    }

    @Test
    void the_acl_checks_read_the_bucket_not_its_objects() {
        assertThat(BUCKET_POLICY.statement("CloudTrailAclCheck").resources()).containsExactly(BUCKET);
        assertThat(BUCKET_POLICY.statement("CloudTrailAclCheck").actions()).containsExactly("s3:GetBucketAcl");
        assertThat(BUCKET_POLICY.statement("ConfigAclCheck").actions()).containsExactly("s3:GetBucketAcl", "s3:ListBucket");
    }

    @Test
    void the_key_lets_trails_of_the_platforms_accounts_encrypt_and_keeps_administration_in_the_owning_account() {
        PolicyDocument key = LogArchivePolicies.keyPolicy(Partition.AWS, "111111111111", ACCOUNTS);

        assertThat(key.statement("AccountAdministersKeyThroughIam").principals()).containsExactly(Principal.account(Partition.AWS, "111111111111"));
        Statement trails = key.statement("CloudTrailEncryptsLogs");
        assertThat(trails.actions()).containsExactly("kms:GenerateDataKey*");
        assertThat(trails.condition("StringEquals", "aws:SourceAccount")).containsExactlyElementsOf(ACCOUNTS);
        assertThat(trails.condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn"))
                .containsExactly("arn:aws:cloudtrail:*:111111111111:trail/*", "arn:aws:cloudtrail:*:222222222222:trail/*",
                        "arn:aws:cloudtrail:*:333333333333:trail/*");
        assertThat(key.statement("ConfigEncryptsDeliveries").condition("StringEquals", "aws:SourceAccount")).containsExactlyElementsOf(ACCOUNTS);
        assertThat(key.statements()).filteredOn(s -> !s.sid().equals("AccountAdministersKeyThroughIam"))
                .flatExtracting(Statement::actions).doesNotContain("kms:*", "kms:Decrypt*", "kms:ScheduleKeyDeletion");
    }
}
