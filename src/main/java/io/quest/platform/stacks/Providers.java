package io.quest.platform.stacks;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.core.Output;
import io.quest.platform.config.PlatformConfig;

/**
 * The explicit AWS providers resources are created through. Each is pinned to one account with
 * {@code allowedAccountIds}, so the AWS provider refuses to touch any other: a dev stack can never be
 * applied to prod credentials, and a role meant for dev can never land in prod.
 */
final class Providers {

    private Providers() {
    }

    /** The stack's own account, with the credentials the stack runs with (the shared stack). */
    static Provider forStack(PlatformConfig config) {
        return new Provider(config.stack().stack() + "-aws", ProviderArgs.builder()
                .region(config.region())
                .allowedAccountIds(config.accountId())
                .build());
    }

    /** A member account, reached from the shared stack through the bootstrap role there. */
    static Provider forMember(PlatformConfig config, String environment, String accountId) {
        return new Provider(config.stack().stack() + "-aws-" + environment, ProviderArgs.builder()
                .region(config.region())
                .allowedAccountIds(accountId)
                .assumeRole(ProviderAssumeRoleArgs.builder()
                        .roleArn(config.shared().bootstrapRoleArn(accountId))
                        .sessionName("quest-platform-bootstrap-" + environment)
                        .build())
                .build());
    }

    /**
     * An environment's account, through the deployer role the shared stack made there: whoever runs the
     * stack (CI's deploy role, or an administrator of the shared account) acts only as the bounded deployer.
     */
    static Provider forEnvironment(PlatformConfig config, Output<String> deployerRoleArn) {
        return new Provider(config.stack().stack() + "-aws", ProviderArgs.builder()
                .region(config.region())
                .allowedAccountIds(config.accountId())
                .assumeRole(ProviderAssumeRoleArgs.builder()
                        .roleArn(deployerRoleArn)
                        .sessionName("quest-platform-" + config.stack().stack())
                        .build())
                .build());
    }
}
