package io.quest.platform.storage;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.MockRun;
import io.quest.platform.testing.MockStack;
import io.quest.platform.testing.Registered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.quest.platform.testing.MockRun.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardenedBucketTest {

    private static final String ARN = "arn:aws:s3:::data-1234567";

    /** The component a bucket's resources were children of before the building block existed. */
    static final class Owner extends ComponentResource {
        Owner(String name) {
            super("test:storage:Owner", name);
        }
    }

    private static HardenedBucketArgs.Builder plain() {
        return HardenedBucketArgs.builder().tags(Map.of("Name", "data"));
    }

    @Test
    void a_bucket_by_default_is_sse_s3_owner_enforced_fully_blocked_versioned_and_refuses_plain_http() {
        MockRun run = MockStack.named("dev").run(ctx -> new HardenedBucket("data", plain().build(), null));

        Registered<BucketV2> bucket = run.resource(BucketV2.class, "data");
        assertThat(run.resources(BucketV2.class)).hasSize(1);
        assertThat(bucket.input("forceDestroy")).isEqualTo(false);
        assertThat(run.resource(BucketServerSideEncryptionConfigurationV2.class, "data-encryption")
                .input("rules")).asString().contains("sseAlgorithm=AES256").doesNotContain("kmsMasterKeyId");
        assertThat(run.resource(BucketOwnershipControls.class, "data-ownership").input("rule", "objectOwnership"))
                .isEqualTo("BucketOwnerEnforced");
        var block = run.resource(BucketPublicAccessBlock.class, "data-public-access").args(BucketPublicAccessBlockArgs.class);
        assertThat(List.of(value(block.blockPublicAcls()), value(block.blockPublicPolicy()), value(block.ignorePublicAcls()),
                value(block.restrictPublicBuckets()))).containsOnly(true);
        assertThat(run.resources(BucketVersioningV2.class)).singleElement()
                .satisfies(v -> assertThat(v.input("versioningConfiguration", "status")).isEqualTo("Enabled"));
        assertThat(run.resources(BucketLifecycleConfigurationV2.class)).isEmpty();
        assertThat(run.resources(BucketLoggingV2.class)).isEmpty();

        Registered<BucketPolicy> policy = run.resource(BucketPolicy.class, "data-policy");
        assertThat((String) policy.input("policy")).contains("\"Sid\":\"DenyInsecureTransport\"")
                .contains("\"aws:SecureTransport\":\"false\"");
        assertThat(policy.dependencies()).as("the policy is written after the public access block")
                .contains(run.resource(BucketPublicAccessBlock.class, "data-public-access").urn());
        for (var part : run.registered()) {
            if (part.custom()) {
                assertThat(part.parent()).as(part.name()).endsWith("quest:storage:HardenedBucket::data");
            }
        }
    }

    @Test
    void the_tls_only_statement_is_merged_into_the_bucket_s_own_policy_once() {
        PolicyDocument own = PolicyDocument.of(Statement.allow("Writer").principal(Principal.service("logging.s3.amazonaws.com"))
                .actions("s3:PutObject").resources(ARN + "/*"));

        PolicyDocument merged = HardenedBucket.withTlsOnly(own, ARN);

        assertThat(merged.statements()).extracting(Statement::sid).containsExactly("DenyInsecureTransport", "Writer");
        assertThat(HardenedBucket.withTlsOnly(merged, ARN)).isEqualTo(merged);
        assertThat(merged.statement("DenyInsecureTransport").condition("Bool", "aws:SecureTransport")).containsExactly("false");
    }

    @Test
    void a_statement_posing_as_the_tls_only_one_is_refused() {
        PolicyDocument weak = PolicyDocument.of(Statement.deny("DenyInsecureTransport").principal(Principal.anyone())
                .actions("s3:GetObject").resources(ARN + "/*").when("Bool", "aws:SecureTransport", "false"));

        assertThatThrownBy(() -> HardenedBucket.withTlsOnly(weak, ARN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has a statement DenyInsecureTransport that is not the TLS-only statement");
    }

    @Test
    void kms_encryption_names_the_key_made_from_the_bucket_s_arn_with_a_bucket_key_and_the_policy_sees_both() {
        MockRun run = MockStack.named("dev").run(ctx -> new HardenedBucket("secure", plain()
                .encryption(BucketEncryption.kms(bucketArn -> new Key("secure-key", KeyArgs.builder()
                        .description(bucketArn.applyValue(arn -> "encrypts " + arn)).build()).arn()))
                .policy(b -> Output.tuple(b.arn(), b.keyArn().orElseThrow()).applyValue(t -> PolicyDocument.of(
                        Statement.deny("OnlyThisKey").principal(Principal.anyone()).actions("s3:PutObject").resources(t.t1 + "/*")
                                .when("StringNotEquals", "s3:x-amz-server-side-encryption-aws-kms-key-id", t.t2))))
                .build(), null));

        Registered<Key> key = run.resource(Key.class, "secure-key");
        String bucketArn = value(run.resource(BucketV2.class, "secure").resource().arn());
        assertThat(key.input("description")).isEqualTo("encrypts " + bucketArn);
        String keyArn = value(key.resource().arn());
        var sse = run.resource(BucketServerSideEncryptionConfigurationV2.class, "secure-encryption");
        assertThat(sse.input("rules")).asString().contains("sseAlgorithm=aws:kms").contains("kmsMasterKeyId=" + keyArn)
                .contains("bucketKeyEnabled=true");
        String policy = (String) run.resource(BucketPolicy.class, "secure-policy").input("policy");
        assertThat(policy).startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\"")
                .contains("\"Sid\":\"OnlyThisKey\"").contains(keyArn);
    }

    @Test
    void the_variants_are_parameters_ownership_unversioned_lifecycle_and_emptying_on_delete() {
        MockRun run = MockStack.named("dev").run(ctx -> new HardenedBucket("logs", plain()
                .ownership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .versioned(false)
                .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder().id("expire").status("Enabled").build())
                .forceDestroy(true)
                .build(), null));

        assertThat(run.resource(BucketOwnershipControls.class, "logs-ownership").input("rule", "objectOwnership"))
                .isEqualTo("BucketOwnerPreferred");
        assertThat(run.resources(BucketVersioningV2.class)).isEmpty();
        assertThat(run.resource(BucketLifecycleConfigurationV2.class, "logs-lifecycle").dependencies())
                .noneMatch(d -> d.contains("bucketVersioningV2"));
        assertThat(run.resource(BucketV2.class, "logs").input("forceDestroy")).isEqualTo(true);
        assertThatThrownBy(() -> plain().forceDestroy(true).protect(true).build())
                .hasMessageContaining("forceDestroy goes only with protect and retainOnDelete both false");
    }

    @Test
    void lifecycle_rules_on_a_versioned_bucket_wait_for_versioning_and_protect_reaches_only_the_bucket() {
        MockRun run = MockStack.named("prod").run(ctx -> new HardenedBucket("kept", plain()
                .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder().id("expire").status("Enabled").build())
                .protect(true).retainOnDelete(true)
                .build(), null));

        assertThat(run.resource(BucketLifecycleConfigurationV2.class, "kept-lifecycle").dependencies())
                .contains(run.resource(BucketVersioningV2.class, "kept-versioning").urn());
        assertThat(run.registered()).filteredOn(PlannedResource::protect).extracting(PlannedResource::name).containsExactly("kept");
        assertThat(run.registered()).filteredOn(PlannedResource::retainOnDelete).extracting(PlannedResource::name).containsExactly("kept");
    }

    @Test
    void access_logs_go_to_an_sse_s3_bucket_once_its_policy_lets_log_delivery_write() {
        MockRun run = MockStack.named("dev").run(ctx -> new HardenedBucket("data", plain()
                .accessLogs(dataArn -> new AccessLogTarget(new HardenedBucket("data-logs", plain().versioned(false).build(), null), "data/"))
                .build(), null));

        var logging = run.resource(BucketLoggingV2.class, "data-logging");
        var args = logging.args(BucketLoggingV2Args.class);
        assertThat(value(args.targetBucket())).isEqualTo(run.resource(BucketV2.class, "data-logs").id());
        assertThat(value(args.targetPrefix())).isEqualTo("data/");
        assertThat(logging.dependencies()).contains(run.resource(BucketPolicy.class, "data-logs-policy").urn());
        assertThat(MockStack.named("dev").failure(ctx -> new AccessLogTarget(new HardenedBucket("kms-logs", plain()
                .encryption(BucketEncryption.kms(Output.of("arn:aws:kms:eu-west-1:123456789012:key/1"))).build(), null), "x/")))
                .contains("S3 delivers server access logs only to an SSE-S3 bucket");
    }

    @Test
    void a_bucket_moved_under_the_building_block_answers_to_the_urns_its_resources_had() {
        MockRun run = MockStack.named("dev").run(ctx -> {
            var owner = new Owner("owner");
            new HardenedBucket("owner-data", plain().names(ChildNames.of("owner-data", "owner").withEncryption("owner-sse"))
                    .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder().id("expire").status("Enabled").build())
                    .build(), ComponentResourceOptions.builder().parent(owner).build(), owner);
        });

        String before = "urn:pulumi:dev::quest-platform::test:storage:Owner$";
        assertThat(run.registered()).filteredOn(PlannedResource::custom).hasSize(7).allSatisfy(r -> {
            assertThat(r.urn()).startsWith(before.replace("$", "$quest:storage:HardenedBucket$"));
            assertThat(r.aliases()).contains(before + r.type() + "::" + r.name());
        });
        assertThat(run.resource(BucketServerSideEncryptionConfigurationV2.class, "owner-sse").registration().aliases())
                .containsExactly(before + "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2::owner-sse");
        assertThat(run.registered()).filteredOn(PlannedResource::isComponent).allSatisfy(r -> assertThat(r.aliases()).isEmpty());
        // The provider SDK's own alias (BucketV2 was aws:s3/bucket:Bucket) is resolved under the current parent, as the engine does.
        assertThat(run.resource(BucketV2.class, "owner-data").registration().aliases())
                .contains("urn:pulumi:dev::quest-platform::test:storage:Owner$quest:storage:HardenedBucket$aws:s3/bucket:Bucket::owner-data");
    }
}
