package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.resources.StackReference;
import io.quest.platform.config.PlatformConfig;

/** A stack that owns only an environment's network, read by that environment's stack. */
public final class NetworkStack {

    private NetworkStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        var shared = SharedOutputs.from(new StackReference(config.sharedStack().orElseThrow()));
        var provider = Providers.forEnvironment(config, shared);
        NetworkOutputs.of(EnvironmentStack.network(config, EnvironmentStack.inAccount(provider, config, shared))).export(ctx);
    }
}
