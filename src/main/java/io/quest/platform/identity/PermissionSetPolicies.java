package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What each {@link AccessRole}'s permission set holds, as data: AWS managed policies, an inline policy, and a
 * permissions boundary given as a customer managed policy reference.
 *
 * <p>The deployer-equivalent set references the deployer's boundary by name rather than copying it inline: the
 * boundary document differs per account (it names that account's boundary, platform roles and bootstrap role), while
 * a permission set's inline policy is the same in every account it is provisioned to; a reference resolves, in each
 * account, to the very policy that bounds the deployer role there ("Use IAM policies in permission sets",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/howtocmp.html, read 2026-12-02: Identity Center creates no
 * such policy; it must exist, under the same case-sensitive name and path, in every account the set is assigned to,
 * or the assignment fails).
 */
public final class PermissionSetPolicies {

    /** PutInlinePolicyToPermissionSet accepts an inline policy of at most 32,768 characters (API reference, InlinePolicy). */
    public static final int INLINE_POLICY_LIMIT = 32_768;

    private PermissionSetPolicies() {
    }

    /** The AWS managed policies attached to a role's permission set, by name. */
    public static List<String> managedPolicies(AccessRole role) {
        return switch (role) {
            case ADMINISTRATOR, DEPLOYER -> List.of("AdministratorAccess");
            case READ_ONLY -> List.of("ReadOnlyAccess");
            case SECURITY_AUDITOR -> List.of("SecurityAudit", "ReadOnlyAccess");
            case BREAK_GLASS -> List.of();
        };
    }

    /**
     * The customer managed policy bounding a role's permission set, by name (path {@code /}): the deployer's boundary
     * for the deployer-equivalent set, none for the others.
     */
    public static Optional<String> boundaryPolicy(AccessRole role) {
        return role == AccessRole.DEPLOYER ? Optional.of(PlatformRole.BOUNDARY_POLICY) : Optional.empty();
    }

    /**
     * The inline policy of a role's permission set. Read-only people read the accounts, not the secrets in them; the
     * break-glass set can do one thing, assume the break-glass role of a member account, and nothing else.
     *
     * @param partition      the member accounts' partition
     * @param memberAccounts the member accounts whose break-glass roles the break-glass set may assume
     */
    public static Optional<PolicyDocument> inlinePolicy(AccessRole role, Partition partition, Collection<String> memberAccounts) {
        return switch (role) {
            case READ_ONLY -> Optional.of(PolicyDocument.of(Statement.deny("ReadOnlyReadsNoSecrets")
                    .actions("secretsmanager:GetSecretValue")
                    .resources("*")));
            case BREAK_GLASS -> Optional.of(PolicyDocument.of(Statement.allow("AssumeBreakGlassRoles")
                            .actions("sts:AssumeRole")
                            .resources(memberAccounts.stream().map(account -> PlatformRole.BREAK_GLASS.arn(partition, account)).toList()))
                    .requireWithin(INLINE_POLICY_LIMIT, "the break-glass permission set's inline policy"));
            case ADMINISTRATOR, DEPLOYER, SECURITY_AUDITOR -> Optional.empty();
        };
    }
}
