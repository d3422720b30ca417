package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.SharedConfig;
import io.quest.platform.governance.ConfigAggregator;
import io.quest.platform.governance.ConfigAggregatorArgs;
import io.quest.platform.governance.LogArchive;
import io.quest.platform.governance.LogArchiveArgs;
import io.quest.platform.service.Registry;
import io.quest.platform.service.RegistryArgs;

import java.util.List;

/** The shared-services stack: identity and shared storage for every account of the platform. */
public final class SharedStack {

    private SharedStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        SharedConfig shared = config.shared();
        var inAccount = ComponentResourceOptions.builder().providers(Providers.forStack(config)).build();

        // The archive holds the audit trail of every account: protected and retained in every stack.
        var logArchive = new LogArchive("log-archive", new LogArchiveArgs(
                config.accountId(),
                config.region(),
                shared.accountIds(),
                shared.logTransitionDays(),
                shared.logExpirationDays(),
                true,
                true,
                config.tags()), inAccount);

        var registry = new Registry("registry", new RegistryArgs(
                shared.registryName(),
                config.accountId(),
                List.copyOf(shared.members().values()),
                shared.keepImages(),
                config.production(),
                config.production(),
                config.tags()), inAccount);

        // Every account's AWS Config data in one place; each workload account authorises this aggregator.
        new ConfigAggregator("config-aggregator", new ConfigAggregatorArgs(
                shared.accountIds(), shared.allowedRegions(), config.tags()), inAccount);

        new SharedOutputs(
                Output.of(config.accountId()),
                logArchive.bucketName(),
                logArchive.bucketArn(),
                logArchive.keyArn(),
                registry.repositoryUrl(),
                registry.repositoryArn(),
                Output.of(config.region())).export(ctx);
    }
}
