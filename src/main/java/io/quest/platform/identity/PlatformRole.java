package io.quest.platform.identity;

import io.quest.platform.aws.Partition;

/**
 * The roles the shared stack creates in every member account, with fixed names: the permissions
 * boundary refers to them by ARN, and operators find them by name.
 */
public enum PlatformRole {
    /** Applies the environment stacks; trusted by that environment's CI deploy role and the shared account; bounded. */
    DEPLOYER("quest-platform-deployer"),
    /** Runs {@code pulumi preview}: reads configuration, never data; trusted by the CI preview role. */
    PREVIEWER("quest-platform-previewer"),
    /** Security review: SecurityAudit and ReadOnlyAccess, trusted by the shared (security) account. */
    AUDITOR("quest-platform-auditor"),
    /**
     * Administrator for emergencies, one-hour sessions: trusted by the break-glass permission set's role in the shared
     * account (MFA at Identity Center sign-in), or without Identity Center by the shared account with MFA.
     */
    BREAK_GLASS("quest-platform-break-glass"),
    /**
     * Applies review stacks ({@code pr-<n>}): reads like the previewer, writes only what a review stack is made of; trusted
     * only by CI's review role; bounded. Only in the account of the environment that hosts review stacks.
     */
    REVIEWER("quest-platform-reviewer");

    private final String roleName;

    PlatformRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    /** The role's ARN in an account. */
    public String arn(Partition partition, String accountId) {
        return partition.iam(accountId, "role/" + roleName);
    }

    /** The managed policy every role the deployer creates must carry as its permissions boundary. */
    public static final String BOUNDARY_POLICY = "quest-platform-deployer-boundary";

    /** The boundary policy's ARN in an account. */
    public static String boundaryArn(Partition partition, String accountId) {
        return partition.iam(accountId, "policy/" + BOUNDARY_POLICY);
    }
}
