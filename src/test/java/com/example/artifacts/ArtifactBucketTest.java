package com.example.artifacts;

import com.pulumi.Context;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import io.quest.platform.stacks.SharedOutputs;
import io.quest.platform.testing.MockRun;
import io.quest.platform.testing.MockStack;
import io.quest.platform.testing.Registered;
import io.quest.platform.testing.SampleOutputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quest.platform.testing.MockRun.value;
import static org.assertj.core.api.Assertions.assertThat;

/** A component of your own, on the platform's shared stack, tested under the platform's mock cloud. */
class ArtifactBucketTest {

    /** Your component: a private, KMS-encrypted bucket that logs to the platform's log archive. */
    static final class ArtifactBucket extends ComponentResource {
        ArtifactBucket(String name, SharedOutputs shared, String logPrefix) {
            super("example:storage:ArtifactBucket", name);
            var inside = CustomResourceOptions.builder().parent(this).build();
            var bucket = new BucketV2(name, null, inside);
            new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder().bucket(bucket.id())
                    .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true).build(), inside);
            new BucketServerSideEncryptionConfigurationV2(name + "-encryption", BucketServerSideEncryptionConfigurationV2Args.builder()
                    .bucket(bucket.id())
                    .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder().applyServerSideEncryptionByDefault(
                            BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                    .sseAlgorithm("aws:kms").kmsMasterKeyId(shared.logArchiveKeyArn()).build()).build())
                    .build(), inside);
            new BucketLoggingV2(name + "-logging", BucketLoggingV2Args.builder().bucket(bucket.id())
                    .targetBucket(shared.logArchiveBucket()).targetPrefix(logPrefix).build(), inside);
            registerOutputs(Map.of("bucketName", bucket.bucket()));
        }
    }

    /** Your program: reads the shared stack named in config, builds the component. */
    static void program(Context ctx) {
        var shared = SharedOutputs.from(new StackReference(ctx.config().require("sharedStack")));
        new ArtifactBucket("artifacts", shared, ctx.config().get("logPrefix").orElse("s3/artifacts/"));
    }

    static MockRun run;

    @BeforeAll
    static void runUnderMocks() {
        run = MockStack.named("dev")
                .account("222222222222")
                .config(Map.of("sharedStack", "acme/quest-platform/shared", "logPrefix", "s3/dev-artifacts/"))
                .reference("acme/quest-platform/shared", SampleOutputs.shared())
                .run(ArtifactBucketTest::program);
    }

    @Test
    void one_bucket_named_by_the_cloud_and_every_setting_points_at_it() {
        Registered<BucketV2> bucket = run.resource(BucketV2.class, "artifacts");
        assertThat(run.resources(BucketV2.class)).hasSize(1);
        assertThat(value(bucket.resource().bucket())).matches("artifacts-[0-9a-f]{7}");
        assertThat(run.resources(BucketPublicAccessBlock.class)).hasSize(1).allSatisfy(block -> {
            var args = block.args(BucketPublicAccessBlockArgs.class);
            assertThat(value(args.bucket())).isEqualTo(bucket.id());
            assertThat(value(args.blockPublicAcls())).isTrue();
            assertThat(value(args.restrictPublicBuckets())).isTrue();
        });
    }

    @Test
    void the_bucket_encrypts_with_the_shared_stack_s_key_and_logs_to_its_archive() {
        var encryption = run.resource(BucketServerSideEncryptionConfigurationV2.class, "artifacts-encryption")
                .args(BucketServerSideEncryptionConfigurationV2Args.class);
        var byDefault = value(value(encryption.rules()).get(0).applyServerSideEncryptionByDefault());
        assertThat(value(byDefault.sseAlgorithm())).isEqualTo("aws:kms");
        assertThat(value(byDefault.kmsMasterKeyId())).isEqualTo(value(SampleOutputs.shared().logArchiveKeyArn()));

        var logging = run.resource(BucketLoggingV2.class, "artifacts-logging").args(BucketLoggingV2Args.class);
        assertThat(value(logging.targetBucket())).isEqualTo("log-archive-bucket-1a2b3c4");
        assertThat(value(logging.targetPrefix())).isEqualTo("s3/dev-artifacts/");
        assertThat(run.references()).containsExactly("acme/quest-platform/shared");
    }
}
