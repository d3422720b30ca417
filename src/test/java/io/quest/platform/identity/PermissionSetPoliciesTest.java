package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each permission set holds, its session length, and the break-glass role's trust in one of them, as data. */
class PermissionSetPoliciesTest {

    private static final List<String> MEMBERS = List.of("222222222222", "333333333333");

    @Test
    void each_permission_set_holds_the_managed_policies_of_its_role() {
        assertThat(PermissionSetPolicies.managedPolicies(AccessRole.ADMINISTRATOR)).containsExactly("AdministratorAccess");
        assertThat(PermissionSetPolicies.managedPolicies(AccessRole.DEPLOYER)).containsExactly("AdministratorAccess");
        assertThat(PermissionSetPolicies.managedPolicies(AccessRole.READ_ONLY)).containsExactly("ReadOnlyAccess");
        assertThat(PermissionSetPolicies.managedPolicies(AccessRole.SECURITY_AUDITOR)).containsExactly("SecurityAudit", "ReadOnlyAccess");
        assertThat(PermissionSetPolicies.managedPolicies(AccessRole.BREAK_GLASS)).as("break-glass administers nothing itself").isEmpty();
    }

    @Test
    void the_deployer_equivalent_set_is_bounded_by_the_deployers_boundary_and_no_other_set_is() {
        assertThat(PermissionSetPolicies.boundaryPolicy(AccessRole.DEPLOYER)).contains(PlatformRole.BOUNDARY_POLICY)
                .contains("quest-platform-deployer-boundary");
        for (AccessRole role : List.of(AccessRole.ADMINISTRATOR, AccessRole.READ_ONLY, AccessRole.SECURITY_AUDITOR, AccessRole.BREAK_GLASS)) {
            assertThat(PermissionSetPolicies.boundaryPolicy(role)).as(role.configValue()).isEmpty();
        }
        assertThat(PermissionSetPolicies.inlinePolicy(AccessRole.DEPLOYER, Partition.AWS, MEMBERS)).as("no inline copy of the boundary").isEmpty();
    }

    @Test
    void read_only_people_read_no_secret_values() {
        Statement deny = PermissionSetPolicies.inlinePolicy(AccessRole.READ_ONLY, Partition.AWS, MEMBERS).orElseThrow().statement("ReadOnlyReadsNoSecrets");

        assertThat(deny.effect()).isEqualTo(Statement.Effect.Deny);
        assertThat(deny.actions()).containsExactly("secretsmanager:GetSecretValue");
        assertThat(deny.resources()).containsExactly("*");
    }

    @Test
    void break_glass_may_only_assume_the_member_accounts_break_glass_roles() {
        PolicyDocument inline = PermissionSetPolicies.inlinePolicy(AccessRole.BREAK_GLASS, Partition.AWS, MEMBERS).orElseThrow();

        assertThat(inline.statements()).singleElement().satisfies(s -> {
            assertThat(s.effect()).isEqualTo(Statement.Effect.Allow);
            assertThat(s.actions()).containsExactly("sts:AssumeRole");
            assertThat(s.resources()).containsExactly("arn:aws:iam::222222222222:role/quest-platform-break-glass",
                    "arn:aws:iam::333333333333:role/quest-platform-break-glass");
        });
    }

    @Test
    void sessions_are_whole_hours_from_one_to_twelve_written_as_iso_8601() {
        assertThat(AccessRole.isoDuration(1)).isEqualTo("PT1H");
        assertThat(AccessRole.isoDuration(12)).isEqualTo("PT12H");
        assertThatThrownBy(() -> AccessRole.isoDuration(0)).hasMessageContaining("1 to 12 hours");
        assertThatThrownBy(() -> AccessRole.isoDuration(13)).hasMessageContaining("1 to 12 hours");
        assertThat(AccessRole.ADMINISTRATOR.defaultSessionHours()).isEqualTo(1);
        assertThat(AccessRole.DEPLOYER.defaultSessionHours()).as("as the deployer role's maxSessionDuration").isEqualTo(1);
        assertThat(AccessRole.BREAK_GLASS.defaultSessionHours()).isEqualTo(1);
        assertThat(AccessRole.READ_ONLY.defaultSessionHours()).isEqualTo(8);
        assertThat(AccessRole.SECURITY_AUDITOR.defaultSessionHours()).isEqualTo(8);
    }

    @Test
    void permission_set_names_are_names_identity_center_accepts() {
        for (AccessRole role : AccessRole.values()) {
            assertThat(role.permissionSetName()).as(role.configValue()).matches("[\\w+=,.@-]{1,32}");
        }
    }

    @Test
    void with_identity_center_break_glass_trusts_only_the_break_glass_permission_sets_role_in_the_shared_account() {
        Statement trust = RolePolicies.breakGlassTrust(Partition.AWS, "111111111111", "eu-west-1", AccessRole.BREAK_GLASS.permissionSetName())
                .statement("BreakGlassPermissionSet");

        assertThat(trust.principals()).as("Principal cannot hold a wildcard: the account, narrowed by the condition")
                .containsExactly(Principal.account(Partition.AWS, "111111111111"));
        assertThat(trust.actions()).containsExactly("sts:AssumeRole");
        assertThat(trust.condition("ArnLike", "aws:PrincipalArn")).containsExactly(
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-break-glass_*",
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_quest-break-glass_*");
        assertThat(trust.condition("Bool", "aws:MultiFactorAuthPresent"))
                .as("federated Identity Center sessions never carry MFA context; Identity Center enforces MFA at sign-in").isEmpty();
        assertThat(trust.toMap().toString()).doesNotContain("AWSReservedSSO_quest-administrator");
    }
}
