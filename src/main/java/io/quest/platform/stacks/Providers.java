package io.quest.platform.stacks;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import io.quest.platform.config.PlatformConfig;

/** The explicit AWS provider every resource of a stack is created through. */
final class Providers {

    private Providers() {
    }

    /**
     * A provider pinned to the stack's region and account: {@code allowedAccountIds} makes the AWS
     * provider refuse to touch any other account, so a dev stack can never be applied to prod credentials.
     */
    static Provider forStack(PlatformConfig config) {
        return new Provider(config.stack().stack() + "-aws", ProviderArgs.builder()
                .region(config.region())
                .allowedAccountIds(config.accountId())
                .build());
    }
}
