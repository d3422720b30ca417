package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.RepositoryPolicy;
import com.pulumi.aws.ecr.RepositoryPolicyArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The platform's container registry: one ECR repository with immutable tags (a tag always names the
 * same image, so what was reviewed is what runs), scan on push, encryption with a customer-managed KMS
 * key, a lifecycle policy keeping the newest images, and a repository policy letting the member
 * accounts pull and nothing more. Repository and key take {@code protect} and {@code retainOnDelete}
 * from the arguments.
 */
public final class Registry extends ComponentResource {

    public static final String TYPE = "quest:service:Registry";

    private final Output<String> repositoryUrl;
    private final Output<String> repositoryArn;

    public Registry(String name, RegistryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var stateful = CustomResourceOptions.builder().parent(this)
                .protect(args.protect()).retainOnDelete(args.retainOnDelete()).build();
        var tags = args.tags();

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the images in the " + args.repositoryName() + " repository")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(RegistryPolicies.keyPolicy(args.partition(), args.accountId()).toJson())
                .tags(tags.named(name + "-key"))
                .build(), stateful);

        var repository = new Repository(name + "-repository", RepositoryArgs.builder()
                .name(args.repositoryName())
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                        .encryptionType("KMS")
                        .kmsKey(key.arn())
                        .build())
                .forceDelete(false)
                .tags(tags.named(name + "-repository"))
                .build(), stateful);

        new LifecyclePolicy(name + "-lifecycle", LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(RegistryPolicies.lifecyclePolicy(args.keepImages()))
                .build(), child);
        if (!args.pullAccounts().isEmpty()) {
            new RepositoryPolicy(name + "-pull-policy", RepositoryPolicyArgs.builder()
                    .repository(repository.name())
                    .policy(RegistryPolicies.pullPolicy(args.partition(), args.pullAccounts()).toJson())
                    .build(), child);
        }

        this.repositoryUrl = repository.repositoryUrl();
        this.repositoryArn = repository.arn();
        registerOutputs(Map.of("repositoryUrl", repositoryUrl, "repositoryArn", repositoryArn));
    }

    public Output<String> repositoryUrl() {
        return repositoryUrl;
    }

    public Output<String> repositoryArn() {
        return repositoryArn;
    }
}
