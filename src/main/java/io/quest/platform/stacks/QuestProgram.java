package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.exceptions.RunException;
import io.quest.platform.config.ConfigException;
import io.quest.platform.config.ConfigSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackIdentity;

/**
 * The Pulumi program: reads and validates the stack's configuration, then composes the stack its role
 * asks for. A configuration problem is reported as a Pulumi error before any resource is registered.
 */
public final class QuestProgram {

    private QuestProgram() {
    }

    public static void run(Context ctx) {
        PlatformConfig config;
        try {
            config = PlatformConfig.load(ConfigSource.of(ctx),
                    new StackIdentity(ctx.organizationName(), ctx.projectName(), ctx.stackName()), System.getenv());
        } catch (ConfigException e) {
            // The SDK reports a RunException as its message alone (no stack trace) and fails the update.
            throw new RunException(e.getMessage());
        }
        compose(ctx, config);
    }

    /** Registers the stack a validated configuration describes. */
    public static void compose(Context ctx, PlatformConfig config) {
        switch (config.role()) {
            case SHARED -> SharedStack.compose(ctx, config);
            case ENVIRONMENT -> EnvironmentStack.compose(ctx, config);
            case NETWORK -> NetworkStack.compose(ctx, config);
            case DATA -> DataStack.compose(ctx, config);
            case REVIEW -> ReviewStack.compose(ctx, config);
        }
    }
}
