package io.quest.platform.stacks;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.core.Output;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.ProviderRole;
import io.quest.platform.identity.PlatformRole;

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
        return forStack(config, config.region(), config.stack().stack() + "-aws");
    }

    /**
     * The stack's own account in another of its regions (the shared stack's GuardDuty and Security Hub there), named
     * {@code <stack>-aws-in-<region>}.
     */
    static Provider forStackIn(PlatformConfig config, String region) {
        return forStack(config, region, config.stack().stack() + "-aws-in-" + region);
    }

    /**
     * The shared account in the region of the organisation's IAM Identity Center instance, named
     * {@code <stack>-aws-identity-center}: permission sets and assignments are made in the instance's region.
     */
    static Provider forIdentityCenter(PlatformConfig config, String region) {
        return forStack(config, region, config.stack().stack() + "-aws-identity-center");
    }

    private static Provider forStack(PlatformConfig config, String region, String name) {
        return new Provider(name, ProviderArgs.builder()
                .region(region)
                .allowedAccountIds(config.accountId())
                .build());
    }

    /** A member account, reached from the shared stack through the bootstrap role there. */
    static Provider forMember(PlatformConfig config, String environment, String accountId) {
        return new Provider(config.stack().stack() + "-aws-" + environment, ProviderArgs.builder()
                .region(config.region())
                .allowedAccountIds(accountId)
                .assumeRole(ProviderAssumeRoleArgs.builder()
                        .roleArn(config.shared().bootstrapRoleArn(config.partition(), accountId))
                        .sessionName("quest-platform-bootstrap-" + environment)
                        .build())
                .build());
    }

    /**
     * An environment's account, through the role the shared stack made there that the run asks for
     * ({@link PlatformConfig#providerRole()}): the bounded deployer for {@code pulumi up} by CI's deploy role
     * or an administrator of the shared account; the read-only previewer for pull-request previews by CI's
     * preview role, which may assume nothing else.
     */
    static Provider forEnvironment(PlatformConfig config, SharedOutputs shared) {
        return forEnvironment(config, shared, config.region(), config.stack().stack() + "-aws");
    }

    /**
     * An environment's account in another of its regions, through the same role ({@link #forEnvironment}), named
     * {@code <stack>-aws-in-<region>}: GuardDuty and Security Hub run in every allowed region.
     */
    static Provider forEnvironmentIn(PlatformConfig config, SharedOutputs shared, String region) {
        return forEnvironment(config, shared, region, config.stack().stack() + "-aws-in-" + region);
    }

    private static Provider forEnvironment(PlatformConfig config, SharedOutputs shared, String region, String name) {
        String stack = config.stack().stack();
        boolean previewer = config.providerRole() == ProviderRole.PREVIEWER;
        // The reviewer exists only in the account that hosts review stacks, under its fixed name.
        Output<String> roleArn = switch (config.providerRole()) {
            case PREVIEWER -> shared.previewerRoleArn(config.environment());
            case REVIEWER -> Output.of(PlatformRole.REVIEWER.arn(config.partition(), config.accountId()));
            case DEPLOYER -> shared.deployerRoleArn(config.environment());
        };
        return new Provider(name, ProviderArgs.builder()
                .region(region)
                .allowedAccountIds(config.accountId())
                .assumeRole(ProviderAssumeRoleArgs.builder()
                        .roleArn(roleArn)
                        .sessionName(previewer ? "quest-platform-" + stack + "-preview" : "quest-platform-" + stack)
                        .build())
                .build());
    }
}
