package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link CrossAccountRoles} in one member account.
 *
 * @param accountId        the member account (the component's provider must act in it)
 * @param sharedAccountId  the shared (security) account that audits, administers and breaks glass
 * @param ciDeployRoleArn  the CI deploy role of this account's environment
 * @param ciPreviewRoleArn the CI preview role
 * @param allowedRegions   regions the deployer may act in
 * @param bootstrapRole    the role the shared stack bootstraps the account through; the boundary protects it
 * @param tags             the platform-wide tag layer
 * @param identityCenterRegion when people come through IAM Identity Center, the region of its instance: the
 *                         break-glass role then trusts the break-glass permission set's role in the shared account;
 *                         empty, it trusts the shared account's IAM principals that signed in with MFA
 */
public record CrossAccountRolesArgs(
        String accountId,
        String sharedAccountId,
        Partition partition,
        Output<String> ciDeployRoleArn,
        Output<String> ciPreviewRoleArn,
        List<String> allowedRegions,
        String bootstrapRole,
        Tags tags,
        Optional<String> identityCenterRegion) {

    public CrossAccountRolesArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sharedAccountId, "sharedAccountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(ciDeployRoleArn, "ciDeployRoleArn");
        Objects.requireNonNull(ciPreviewRoleArn, "ciPreviewRoleArn");
        Objects.requireNonNull(bootstrapRole, "bootstrapRole");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(identityCenterRegion, "identityCenterRegion");
        allowedRegions = List.copyOf(allowedRegions);
        if (allowedRegions.isEmpty()) {
            throw new IllegalArgumentException("the deployer needs at least one allowed region");
        }
        if (accountId.equals(sharedAccountId)) {
            throw new IllegalArgumentException("cross-account roles go into member accounts, not the shared account " + accountId);
        }
    }
}
