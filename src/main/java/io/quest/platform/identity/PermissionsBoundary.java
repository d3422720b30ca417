package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.List;

/**
 * The permissions boundary of the deployer and of every role it creates: everything the environment
 * stacks need, but no way out. The deployer cannot create or change a role without this same boundary,
 * cannot edit the boundary, the platform's roles or the bootstrap role, cannot create IAM users or
 * access keys, cannot stop or weaken CloudTrail or AWS Config, cannot switch off GuardDuty or Security Hub, cannot
 * leave the organisation, and cannot
 * act outside the allowed regions (global services excepted).
 */
public final class PermissionsBoundary {

    /** The role actions that must leave a role with this boundary: IAM checks them with {@code iam:PermissionsBoundary}. */
    static final List<String> BOUNDED_ROLE_ACTIONS = List.of(
            "iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
            "iam:PutRolePolicy", "iam:DeleteRolePolicy");

    /** What no one bounded by this policy may do to the platform's own roles. */
    static final List<String> ROLE_CHANGES = List.of(
            "iam:AttachRolePolicy", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription");

    /** Stopping, deleting or narrowing the audit trail and configuration recording. */
    static final List<String> AUDIT_TAMPERING = List.of(
            "cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors", "cloudtrail:StopLogging", "cloudtrail:UpdateTrail",
            "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "config:StopConfigurationRecorder");

    /**
     * Switching off threat detection and the security posture: deleting the GuardDuty detector, disabling Security Hub
     * or a standard, or leaving the shared account's administration. Changing protection plans and adding standards stay
     * with the deployer (they go through {@code guardduty:UpdateDetector} and {@code securityhub:BatchEnableStandards}).
     */
    static final List<String> SECURITY_SERVICE_TAMPERING = List.of(
            "guardduty:DeleteDetector", "guardduty:DisassociateFromAdministratorAccount", "guardduty:DisassociateFromMasterAccount",
            "securityhub:BatchDisableStandards", "securityhub:DisableSecurityHub", "securityhub:DisassociateFromAdministratorAccount",
            "securityhub:DisassociateFromMasterAccount");

    /**
     * Global services and global calls, exempt from the region restriction because they are served from
     * us-east-1 whatever the caller's region (AWS Organizations' example SCP "Deny access to AWS based on
     * the requested Region", trimmed to the truly global ones: AWS Config, KMS and ACM stay regional here, so keys, recorders and
     * certificates cannot appear in other regions).
     */
    static final List<String> GLOBAL_ACTIONS = List.of(
            "budgets:*", "ce:*", "cloudfront:*", "health:*", "iam:*", "organizations:*",
            "route53:*", "route53domains:*", "s3:GetAccountPublic*", "s3:ListAllMyBuckets", "s3:PutAccountPublic*",
            "shield:*", "sts:*", "support:*", "trustedadvisor:*", "waf:*", "wafv2:*", "ec2:DescribeRegions");

    private PermissionsBoundary() {
    }

    /**
     * The boundary in one member account.
     *
     * @param partition      the member account's partition
     * @param accountId      the member account
     * @param allowedRegions regions the bounded roles may act in
     * @param bootstrapRole  the role the shared stack bootstraps the account through; protected like the platform's roles
     */
    public static PolicyDocument document(Partition partition, String accountId, List<String> allowedRegions, String bootstrapRole) {
        String boundary = PlatformRole.boundaryArn(partition, accountId);
        String[] protectedRoles = {
                PlatformRole.DEPLOYER.arn(partition, accountId),
                PlatformRole.PREVIEWER.arn(partition, accountId),
                PlatformRole.AUDITOR.arn(partition, accountId),
                PlatformRole.BREAK_GLASS.arn(partition, accountId),
                PlatformRole.REVIEWER.arn(partition, accountId),
                partition.iam(accountId, "role/" + bootstrapRole)};
        return PolicyDocument.of(
                Statement.allow("AllowWithinBoundary")
                        .actions("*")
                        .resources("*"),
                Statement.deny("DenyRolesWithoutThisBoundary")
                        .actions(BOUNDED_ROLE_ACTIONS.toArray(String[]::new))
                        .resources("*")
                        .when("StringNotEquals", "iam:PermissionsBoundary", boundary),
                Statement.deny("DenyRemovingBoundaries")
                        .actions("iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary")
                        .resources("*"),
                Statement.deny("DenyIamUsersAndAccessKeys")
                        .actions("iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile")
                        .resources("*"),
                Statement.deny("DenyEditingTheBoundary")
                        .actions("iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion",
                                "iam:TagPolicy", "iam:UntagPolicy")
                        .resources(boundary),
                Statement.deny("DenyChangingPlatformRoles")
                        .actions(ROLE_CHANGES.toArray(String[]::new))
                        .resources(protectedRoles),
                Statement.deny("DenyAuditTampering")
                        .actions(AUDIT_TAMPERING.toArray(String[]::new))
                        .resources("*"),
                Statement.deny("DenySecurityServiceTampering")
                        .actions(SECURITY_SERVICE_TAMPERING.toArray(String[]::new))
                        .resources("*"),
                Statement.deny("DenyLeavingTheOrganization")
                        .actions("organizations:LeaveOrganization")
                        .resources("*"),
                Statement.deny("DenyOutsideAllowedRegions")
                        .notActions(GLOBAL_ACTIONS.toArray(String[]::new))
                        .resources("*")
                        .when("StringNotEquals", "aws:RequestedRegion", allowedRegions.toArray(String[]::new)))
                .requireWithin(PolicyDocument.MANAGED_POLICY_LIMIT, "the permissions boundary of account " + accountId);
    }
}
