package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.List;
import java.util.Optional;

/** Trust and permission policies of the CI roles and the cross-account roles, as data. */
public final class RolePolicies {

    /** The longest session the break-glass role allows, and the oldest MFA it accepts, in seconds. */
    public static final int BREAK_GLASS_SESSION_SECONDS = 3600;

    private RolePolicies() {
    }

    /** A CI role may assume exactly these roles, nothing else. */
    public static PolicyDocument assumeOnly(String sid, List<String> roleArns) {
        return PolicyDocument.of(Statement.allow(sid)
                .actions("sts:AssumeRole")
                .resources(roleArns));
    }

    /**
     * The deployer: the environment's CI deploy role, named by its ARN, and the shared account's administrators (for the
     * first deployment, before CI runs): with IAM Identity Center, only the role of its administrator permission set in the
     * shared account; without it, IAM principals of the shared account that signed in with MFA, as break-glass asks.
     *
     * <p>A role ARN in {@code Principal} must name a role that exists when the policy is saved, and IAM stores it as that
     * role's unique ID: a role deleted and made again no longer matches, and a role that does not exist yet is refused with
     * "Invalid principal in policy" (IAM User Guide, "AWS JSON policy elements: Principal", IAM role principals,
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html; AWS re:Post
     * https://repost.aws/knowledge-center/iam-trust-policy-error; both read 2026-12-02). The CI deploy role is created
     * by the shared stack before this policy, whose ARN comes from it, so it is named. A permission set's role is created
     * by Identity Center when the set is assigned, after this policy may be written, and made again with a new ID and
     * suffix when it is reassigned: it is matched by {@code aws:PrincipalArn} (wildcards allowed, compared at request
     * time) under the shared account's principal ({@link #identityCenterRoleArns}).
     *
     * @param identityCenterRegion the region of the Identity Center instance people come through; empty without one
     */
    public static PolicyDocument deployerTrust(String ciDeployRoleArn, Partition partition, String sharedAccount,
                                               Optional<String> identityCenterRegion) {
        return PolicyDocument.of(
                Statement.trust("CiDeployRole", Principal.aws(ciDeployRoleArn)),
                people("SharedAccountAdministrators", partition, sharedAccount, identityCenterRegion, AccessRole.ADMINISTRATOR));
    }

    /** The deployer, as before Identity Center: the CI deploy role, and IAM principals of the shared account with MFA. */
    public static PolicyDocument deployerTrust(String ciDeployRoleArn, Partition partition, String sharedAccount) {
        return deployerTrust(ciDeployRoleArn, partition, sharedAccount, Optional.empty());
    }

    /** The previewer: only the CI preview role. */
    public static PolicyDocument previewerTrust(String ciPreviewRoleArn) {
        return PolicyDocument.of(Statement.allow("CiPreviewRole")
                .principal(Principal.aws(ciPreviewRoleArn))
                .actions("sts:AssumeRole"));
    }

    /**
     * The auditor: with IAM Identity Center, only the role of its security-auditor permission set in the shared (security)
     * account ({@code aws:PrincipalArn}, as for the deployer); without it, IAM principals of that account that signed in
     * with MFA. Never the whole account, never CI.
     */
    public static PolicyDocument auditorTrust(Partition partition, String sharedAccount, Optional<String> identityCenterRegion) {
        return PolicyDocument.of(people("SecurityAccount", partition, sharedAccount, identityCenterRegion, AccessRole.SECURITY_AUDITOR));
    }

    /** The auditor without Identity Center. */
    public static PolicyDocument auditorTrust(Partition partition, String sharedAccount) {
        return auditorTrust(partition, sharedAccount, Optional.empty());
    }

    /**
     * People of the shared account: the role Identity Center provisions there for {@code role}'s permission set, or,
     * without Identity Center, principals of the account whose session was made with MFA (no CI or service role has one).
     */
    private static Statement people(String sid, Partition partition, String sharedAccount, Optional<String> identityCenterRegion,
                                    AccessRole role) {
        var statement = Statement.trust(sid, Principal.account(partition, sharedAccount));
        return identityCenterRegion
                .map(region -> statement.when("ArnLike", "aws:PrincipalArn",
                        identityCenterRoleArns(partition, sharedAccount, region, role.permissionSetName()).toArray(String[]::new)))
                .orElseGet(() -> statement.when("Bool", "aws:MultiFactorAuthPresent", "true"));
    }

    /**
     * Break-glass without Identity Center ({@code access.identityCenter: false}): IAM principals of the shared account,
     * only with MFA, and only an MFA made within the last hour.
     */
    public static PolicyDocument breakGlassTrust(Partition partition, String sharedAccount) {
        return PolicyDocument.of(Statement.trust("SharedAccountWithMfa", Principal.account(partition, sharedAccount))
                .when("Bool", "aws:MultiFactorAuthPresent", "true")
                .when("NumericLessThan", "aws:MultiFactorAuthAge", String.valueOf(BREAK_GLASS_SESSION_SECONDS)));
    }

    /**
     * What ReadOnlyAccess would let a preview read that a preview never needs: object contents, secrets,
     * parameter values, decrypted data, table items and log events. A pull request's code runs under the
     * previewer, so it may see the shape of the account, not its data.
     */
    public static PolicyDocument previewerDataDenial() {
        return PolicyDocument.of(Statement.deny("PreviewReadsNoData")
                .actions("s3:GetObject", "s3:GetObjectVersion", "secretsmanager:GetSecretValue",
                        "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
                        "kms:Decrypt", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
                        "logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartQuery", "lambda:GetFunction")
                .resources("*"));
    }

    /**
     * Break-glass with Identity Center: only the role Identity Center provisions in the shared account for the
     * break-glass permission set. That role's name ends in a suffix Identity Center chooses and changes when the set is
     * reassigned, and its path carries the instance's region except in us-east-1
     * (https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html, read 2026-12-02), so it
     * is matched with {@code ArnLike} on {@code aws:PrincipalArn}, both path forms, under the account as principal: a
     * trust policy's {@code Principal} takes no wildcard ("How to use trust policies with IAM roles", AWS Security Blog,
     * https://aws.amazon.com/blogs/security/how-to-use-trust-policies-with-iam-roles/, updated 2023-06-20, read
     * 2026-12-02). Only Identity Center can create a role under {@code /aws-reserved/sso.amazonaws.com/}.
     *
     * <p>No {@code aws:MultiFactorAuthPresent} condition: Identity Center's role sessions are federated sessions, which
     * never carry MFA context (IAM's "Compare AWS STS credentials" lists no MFA support for federated role sessions,
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html, read 2026-12-02), so the
     * condition could never hold and the role could never be used. MFA is enforced where those people sign in, by
     * Identity Center ("Prompt users for MFA": every time they sign in,
     * https://docs.aws.amazon.com/singlesignon/latest/userguide/mfa-getting-started.html, read 2026-12-02), or by the
     * external identity provider Identity Center federates with; docs/access.md says how to set it.
     *
     * @param partition             the shared account's partition
     * @param sharedAccount         the account the break-glass permission set is assigned in
     * @param identityCenterRegion  the Identity Center instance's region, which appears in the role's path
     * @param permissionSetName     the break-glass permission set's name
     */
    public static PolicyDocument breakGlassTrust(Partition partition, String sharedAccount, String identityCenterRegion,
                                                 String permissionSetName) {
        return PolicyDocument.of(Statement.trust("BreakGlassPermissionSet", Principal.account(partition, sharedAccount))
                .when("ArnLike", "aws:PrincipalArn", identityCenterRoleArns(partition, sharedAccount, identityCenterRegion, permissionSetName)
                        .toArray(String[]::new)));
    }

    /**
     * The ARNs, with the suffix as a wildcard, of the role Identity Center provisions for a permission set in an
     * account: under {@code sso.amazonaws.com/<region>/}, and under {@code sso.amazonaws.com/} alone, as in us-east-1.
     */
    public static List<String> identityCenterRoleArns(Partition partition, String account, String region, String permissionSetName) {
        String base = partition.iam(account, "role/aws-reserved/sso.amazonaws.com/");
        String role = "AWSReservedSSO_" + permissionSetName + "_*";
        return List.of(base + region + "/" + role, base + role);
    }
}
