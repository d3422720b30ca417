package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.List;

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
     * The deployer: the environment's CI deploy role, and the shared account, whose own IAM decides which
     * of its administrators may assume it (for the first deployment, before CI exists).
     */
    public static PolicyDocument deployerTrust(String ciDeployRoleArn, Partition partition, String sharedAccount) {
        return PolicyDocument.of(
                Statement.trust("CiDeployRole", Principal.aws(ciDeployRoleArn)),
                Statement.trust("SharedAccountAdministrators", Principal.account(partition, sharedAccount)));
    }

    /** The previewer: only the CI preview role. */
    public static PolicyDocument previewerTrust(String ciPreviewRoleArn) {
        return PolicyDocument.of(Statement.allow("CiPreviewRole")
                .principal(Principal.aws(ciPreviewRoleArn))
                .actions("sts:AssumeRole"));
    }

    /** The auditor: the shared (security) account, through its own IAM. */
    public static PolicyDocument auditorTrust(Partition partition, String sharedAccount) {
        return PolicyDocument.of(Statement.trust("SecurityAccount", Principal.account(partition, sharedAccount)));
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
