package io.quest.platform.stacks;

import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ResourceTransformation;

import java.util.Optional;

/**
 * Puts the account's permissions boundary on every IAM role created under a component. The deployer may
 * only create roles that carry it (the boundary denies anything else), so a component that forgot it
 * would fail at {@code pulumi up}; applied here, no component has to remember.
 */
final class RoleBoundary {

    private RoleBoundary() {
    }

    static ResourceTransformation on(Output<String> boundaryArn) {
        return args -> {
            if (args.args() instanceof RoleArgs role) {
                return Optional.of(new ResourceTransformation.Result(
                        RoleArgs.builder(role).permissionsBoundary(boundaryArn).build(), args.options()));
            }
            return Optional.empty();
        };
    }
}
