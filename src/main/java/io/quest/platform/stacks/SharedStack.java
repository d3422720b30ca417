package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import io.quest.platform.config.PlatformConfig;

/** The shared-services stack: identity and shared storage for every account of the platform. */
public final class SharedStack {

    private SharedStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        Providers.forStack(config);
        new SharedOutputs(Output.of(config.accountId())).export(ctx);
    }
}
