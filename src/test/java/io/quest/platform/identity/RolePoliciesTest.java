package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-account roles' trust policies and the CI roles' permissions, as data. */
class RolePoliciesTest {

    private static final String CI_DEPLOY_DEV = "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev";
    private static final String CI_PREVIEW = "arn:aws:iam::111111111111:role/quest-platform-ci-preview";

    @Test
    void the_deployer_trusts_its_environments_ci_deploy_role_by_arn_and_the_administrator_permission_set_s_role_only() {
        PolicyDocument trust = RolePolicies.deployerTrust(CI_DEPLOY_DEV, Partition.AWS, "111111111111", Optional.of("eu-west-1"));

        assertThat(trust.statements()).flatExtracting(Statement::principals)
                .containsExactly(Principal.aws(CI_DEPLOY_DEV), Principal.account(Partition.AWS, "111111111111"));
        assertThat(trust.statement("CiDeployRole").conditions()).isEmpty();
        assertThat(trust.statement("SharedAccountAdministrators").condition("ArnLike", "aws:PrincipalArn")).containsExactly(
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-administrator_*",
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_quest-administrator_*");
        assertThat(trust.statements()).flatExtracting(Statement::actions).containsOnly("sts:AssumeRole");
        assertThat(trust.toJson()).doesNotContain("ci-preview").doesNotContain("ci-deploy-prod").doesNotContain("\"*\"");
        // Without Identity Center: principals of the shared account that signed in with MFA, which no CI role has.
        assertThat(RolePolicies.deployerTrust(CI_DEPLOY_DEV, Partition.AWS, "111111111111").statement("SharedAccountAdministrators")
                .condition("Bool", "aws:MultiFactorAuthPresent")).containsExactly("true");
    }

    @Test
    void the_previewer_trusts_only_the_ci_preview_role() {
        PolicyDocument trust = RolePolicies.previewerTrust(CI_PREVIEW);

        assertThat(trust.statements()).singleElement().satisfies(s -> {
            assertThat(s.principals()).containsExactly(Principal.aws(CI_PREVIEW));
            assertThat(s.actions()).containsExactly("sts:AssumeRole");
        });
    }

    @Test
    void the_auditor_trusts_the_security_auditor_permission_set_s_role_only() {
        PolicyDocument trust = RolePolicies.auditorTrust(Partition.AWS, "111111111111", Optional.of("eu-west-1"));
        assertThat(trust.statements()).flatExtracting(Statement::principals).containsExactly(Principal.account(Partition.AWS, "111111111111"));
        assertThat(trust.statement("SecurityAccount").condition("ArnLike", "aws:PrincipalArn")).containsExactly(
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-security-auditor_*",
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_quest-security-auditor_*");
        assertThat(RolePolicies.auditorTrust(Partition.AWS, "111111111111").statement("SecurityAccount")
                .condition("Bool", "aws:MultiFactorAuthPresent")).containsExactly("true");
    }

    @Test
    void break_glass_requires_mfa_made_within_the_hour() {
        Statement trust = RolePolicies.breakGlassTrust(Partition.AWS, "111111111111").statement("SharedAccountWithMfa");

        assertThat(trust.principals()).containsExactly(Principal.account(Partition.AWS, "111111111111"));
        assertThat(trust.condition("Bool", "aws:MultiFactorAuthPresent")).as("Bool, not BoolIfExists: a missing MFA key refuses")
                .containsExactly("true");
        assertThat(trust.condition("BoolIfExists", "aws:MultiFactorAuthPresent")).isEmpty();
        assertThat(trust.condition("NumericLessThan", "aws:MultiFactorAuthAge")).containsExactly("3600");
        assertThat(RolePolicies.BREAK_GLASS_SESSION_SECONDS).isLessThanOrEqualTo(3600);
    }

    @Test
    void a_ci_role_may_assume_only_the_roles_it_is_given() {
        Statement assume = RolePolicies.assumeOnly("AssumeDeployer", List.of(PlatformRole.DEPLOYER.arn(Partition.AWS, "222222222222")))
                .statement("AssumeDeployer");

        assertThat(assume.effect()).isEqualTo(Statement.Effect.Allow);
        assertThat(assume.actions()).containsExactly("sts:AssumeRole");
        assertThat(assume.resources()).containsExactly("arn:aws:iam::222222222222:role/quest-platform-deployer");
    }

    @Test
    void the_previewer_reads_no_data_even_with_read_only_access() {
        Statement deny = RolePolicies.previewerDataDenial().statement("PreviewReadsNoData");

        assertThat(deny.effect()).isEqualTo(Statement.Effect.Deny);
        assertThat(deny.actions()).contains("s3:GetObject", "secretsmanager:GetSecretValue", "ssm:GetParameter", "kms:Decrypt",
                "dynamodb:Scan", "logs:GetLogEvents");
        assertThat(deny.resources()).containsExactly("*");
    }
}
