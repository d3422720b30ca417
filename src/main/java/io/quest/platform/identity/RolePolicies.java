package io.quest.platform.identity;

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
    public static PolicyDocument deployerTrust(String ciDeployRoleArn, String sharedAccount) {
        return PolicyDocument.of(
                Statement.allow("CiDeployRole")
                        .principal(Principal.aws(ciDeployRoleArn))
                        .actions("sts:AssumeRole"),
                Statement.allow("SharedAccountAdministrators")
                        .principal(Principal.account(sharedAccount))
                        .actions("sts:AssumeRole"));
    }

    /** The previewer: only the CI preview role. */
    public static PolicyDocument previewerTrust(String ciPreviewRoleArn) {
        return PolicyDocument.of(Statement.allow("CiPreviewRole")
                .principal(Principal.aws(ciPreviewRoleArn))
                .actions("sts:AssumeRole"));
    }

    /** The auditor: the shared (security) account, through its own IAM. */
    public static PolicyDocument auditorTrust(String sharedAccount) {
        return PolicyDocument.of(Statement.allow("SecurityAccount")
                .principal(Principal.account(sharedAccount))
                .actions("sts:AssumeRole"));
    }

    /** Break-glass: the shared account, only with MFA, and only an MFA made within the last hour. */
    public static PolicyDocument breakGlassTrust(String sharedAccount) {
        return PolicyDocument.of(Statement.allow("SharedAccountWithMfa")
                .principal(Principal.account(sharedAccount))
                .actions("sts:AssumeRole")
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
}
