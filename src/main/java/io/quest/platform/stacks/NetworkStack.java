package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.resources.StackReference;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.logs.LogType;

import java.util.Map;

/** A stack that owns only an environment's network, read by that environment's stack. */
public final class NetworkStack {

    private NetworkStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        var shared = SharedOutputs.from(new StackReference(config.sharedStack().orElseThrow()));
        var provider = Providers.forEnvironment(config, shared);
        var inAccount = EnvironmentStack.inAccount(provider, config, shared);
        var network = EnvironmentStack.network(config, inAccount);
        NetworkOutputs.of(network).export(ctx);
        // The network stack owns the flow-log group, so it ships it to the log archive.
        EnvironmentStack.shipLogs(config, shared, Map.of(LogType.FLOW_LOGS, network.flowLogGroupName()), inAccount);
    }
}
