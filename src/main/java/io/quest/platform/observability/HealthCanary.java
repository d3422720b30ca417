package io.quest.platform.observability;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.synthetics.Canary;
import com.pulumi.aws.synthetics.CanaryArgs;
import com.pulumi.aws.synthetics.inputs.CanaryArtifactConfigArgs;
import com.pulumi.aws.synthetics.inputs.CanaryArtifactConfigS3EncryptionArgs;
import com.pulumi.aws.synthetics.inputs.CanaryRunConfigArgs;
import com.pulumi.aws.synthetics.inputs.CanaryScheduleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.aws.Partition;
import io.quest.platform.storage.AccessLogBucket;
import io.quest.platform.storage.BucketEncryption;
import io.quest.platform.storage.ChildNames;
import io.quest.platform.storage.HardenedBucket;
import io.quest.platform.storage.HardenedBucketArgs;

import java.util.Base64;
import java.util.Map;

/**
 * The synthetic health check of a {@link Monitoring}: a Synthetics canary requesting the service's health path from
 * outside on a schedule, run by a role limited to its own artifacts, logs and metrics, its script package and run
 * artifacts in a private bucket encrypted with the monitoring's customer managed key (SSE-KMS), whose run artifacts expire
 * and whose requests are logged to a bucket beside it. The script package itself is uploaded with SSE-S3: Lambda reads
 * it with the deployer's credentials when the canary is created, and needs no key for that.
 */
final class HealthCanary {

    /**
     * Synthetics encrypts the artifacts with the customer managed key it is given; the canary's role must be allowed to
     * encrypt with that key (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_artifact_encryption.html,
     * read 2026-12-02; the API's value is {@code SSE_KMS}, the provider's {@code artifact_config.s3_encryption.encryption_mode}).
     */
    static final String ARTIFACT_ENCRYPTION = "SSE_KMS";
    /** The prefix of the artifacts bucket's server access logs in their bucket. */
    static final String ACCESS_LOG_PREFIX = "canary-artifacts/";

    private HealthCanary() {
    }

    /**
     * Registers the canary, its role and its artifacts bucket with the script package under {@code parent}, the artifacts
     * encrypted with {@code keyArn} (the monitoring's key, which the alert topic uses too: a key of its own would add a key's
     * monthly price to every environment for no separation the role policy does not already give); returns the canary.
     */
    static Canary register(Monitoring parent, String name, String canaryName, MonitoringArgs args, Output<String> keyArn) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        CanarySettings settings = args.canary();
        var bucket = new HardenedBucket(name + "-canary-artifacts", HardenedBucketArgs.builder()
                .names(ChildNames.of(name + "-canary-artifacts", name + "-canary")
                        .withEncryption(name + "-canary-sse").withLifecycle(name + "-canary-expiry"))
                .tags(args.tags().named(name + "-canary-artifacts"))
                .encryption(BucketEncryption.kms(keyArn))
                .versioned(false)
                .policy(b -> b.arn().applyValue(MonitoringPolicies::artifactsBucketPolicy))
                .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-run-artifacts")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(Canaries.ARTIFACTS_PREFIX).build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(settings.retentionDays()).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(1)
                                .build())
                        .build())
                .accessLogs(bucketArn -> AccessLogBucket.create(name + "-canary-access-logs", new AccessLogBucket.Spec(
                        args.accountId(), ACCESS_LOG_PREFIX, settings.retentionDays(), args.protect(), args.retainOnDelete(),
                        args.tags().named(name + "-canary-access-logs")), bucketArn, parent))
                .forceDestroy(!args.protect() && !args.retainOnDelete())
                .protect(args.protect())
                .retainOnDelete(args.retainOnDelete())
                .build(), ComponentResourceOptions.builder().parent(parent).build(), parent);
        var bucketPolicy = bucket.policy();

        byte[] zip = Canaries.zip();
        var script = new BucketObjectv2(name + "-canary-script", BucketObjectv2Args.builder()
                .bucket(bucket.bucketId())
                .key(Canaries.scriptKey(zip))
                .contentBase64(Base64.getEncoder().encodeToString(zip))
                .contentType("application/zip")
                .serverSideEncryption("AES256")
                .tags(args.tags().named(name + "-canary-script"))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(bucketPolicy).build());

        var role = new Role(name + "-canary-role", RoleArgs.builder()
                .description("Runs the " + canaryName + " canary: its artifacts, logs and metrics only")
                .assumeRolePolicy(MonitoringPolicies.canaryTrustPolicy(Partition.of(args.region())).toJson())
                .tags(args.tags().named(name + "-canary-role"))
                .build(), child);
        var rolePolicy = new RolePolicy(name + "-canary-role-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(bucket.bucketArn(), keyArn).applyValue(t -> MonitoringPolicies.canaryPolicy(t.t1, t.t2,
                        args.region(), args.accountId(), canaryName, settings.activeTracing()).toJson()))
                .build(), child);

        String path = settings.path().orElse(args.healthCheckPath());
        Output<Map<String, String>> environment = args.service().serviceUrl()
                .applyValue(url -> Map.of("TARGET_URL", url.replaceFirst("/+$", "") + path));
        return new Canary(name + "-health", CanaryArgs.builder()
                .name(canaryName)
                .executionRoleArn(role.arn())
                .runtimeVersion(settings.runtimeVersion())
                .handler(Canaries.HANDLER)
                .s3Bucket(bucket.bucketName())
                .s3Key(script.key())
                .artifactS3Location(Output.format("s3://%s/%s", bucket.bucketName(), Canaries.ARTIFACTS_PREFIX))
                .artifactConfig(CanaryArtifactConfigArgs.builder()
                        .s3Encryption(CanaryArtifactConfigS3EncryptionArgs.builder().encryptionMode(ARTIFACT_ENCRYPTION).kmsKeyArn(keyArn).build())
                        .build())
                .schedule(CanaryScheduleArgs.builder().expression(settings.schedule().expression()).build())
                .runConfig(CanaryRunConfigArgs.builder()
                        .timeoutInSeconds(settings.timeoutSeconds())
                        .activeTracing(settings.activeTracing())
                        .environmentVariables(environment)
                        .build())
                .successRetentionPeriod(settings.retentionDays())
                .failureRetentionPeriod(settings.retentionDays())
                .startCanary(true)
                .deleteLambda(true)
                .tags(args.tags().named(canaryName))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(rolePolicy, script).build());
    }
}
