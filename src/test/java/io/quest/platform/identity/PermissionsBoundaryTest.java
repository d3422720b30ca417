package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the deployer's permissions boundary refuses, whatever the deployer's own policies allow. */
class PermissionsBoundaryTest {

    private static final String ACCOUNT = "222222222222";
    private static final String BOUNDARY = "arn:aws:iam::222222222222:policy/quest-platform-deployer-boundary";
    private static final PolicyDocument POLICY = PermissionsBoundary.document(Partition.AWS, ACCOUNT, List.of("eu-west-1"), "OrganizationAccountAccessRole");

    @Test
    void roles_can_only_be_created_or_changed_with_this_same_boundary() {
        Statement deny = POLICY.statement("DenyRolesWithoutThisBoundary");

        assertThat(deny.effect()).isEqualTo(Statement.Effect.Deny);
        assertThat(deny.actions()).contains("iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:AttachRolePolicy", "iam:PutRolePolicy");
        assertThat(deny.condition("StringNotEquals", "iam:PermissionsBoundary")).containsExactly(BOUNDARY);
        assertThat(POLICY.statement("DenyRemovingBoundaries").actions()).contains("iam:DeleteRolePermissionsBoundary");
    }

    @Test
    void the_boundary_itself_cannot_be_edited_or_deleted() {
        Statement deny = POLICY.statement("DenyEditingTheBoundary");

        assertThat(deny.resources()).containsExactly(BOUNDARY);
        assertThat(deny.actions()).contains("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion");
    }

    @Test
    void the_deployer_the_other_platform_roles_and_the_bootstrap_role_cannot_be_changed() {
        Statement deny = POLICY.statement("DenyChangingPlatformRoles");

        assertThat(deny.resources()).containsExactlyInAnyOrder(
                "arn:aws:iam::222222222222:role/quest-platform-deployer",
                "arn:aws:iam::222222222222:role/quest-platform-previewer",
                "arn:aws:iam::222222222222:role/quest-platform-auditor",
                "arn:aws:iam::222222222222:role/quest-platform-break-glass",
                "arn:aws:iam::222222222222:role/quest-platform-reviewer",
                "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole");
        assertThat(deny.actions()).contains("iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRole",
                "iam:DeleteRolePermissionsBoundary");
    }

    @Test
    void cloudtrail_and_config_recording_cannot_be_stopped_or_narrowed() {
        assertThat(POLICY.statement("DenyAuditTampering").actions()).containsExactlyInAnyOrder(
                "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors",
                "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel");
        assertThat(POLICY.statement("DenyAuditTampering").resources()).containsExactly("*");
    }

    @Test
    void guardduty_and_security_hub_cannot_be_switched_off_but_the_deployer_can_set_them_up() {
        assertThat(POLICY.statement("DenySecurityServiceTampering").actions()).containsExactlyInAnyOrder(
                "guardduty:DeleteDetector", "guardduty:DisassociateFromAdministratorAccount", "guardduty:DisassociateFromMasterAccount",
                "securityhub:DisableSecurityHub", "securityhub:BatchDisableStandards", "securityhub:DisassociateFromAdministratorAccount",
                "securityhub:DisassociateFromMasterAccount");
        // what the environment stacks' GuardDuty and Security Hub resources call on pulumi up
        List<String> setUp = List.of("guardduty:CreateDetector", "guardduty:UpdateDetector", "securityhub:EnableSecurityHub",
                "securityhub:BatchEnableStandards", "securityhub:AcceptAdministratorInvitation", "events:PutRule", "events:PutTargets",
                "wafv2:CreateWebACL", "wafv2:AssociateWebACL", "wafv2:PutLoggingConfiguration", "logs:PutResourcePolicy");
        assertThat(POLICY.statements()).filteredOn(s -> s.effect() == Statement.Effect.Deny && s.condition("StringNotEquals",
                "aws:RequestedRegion").isEmpty() && s.condition("StringNotEquals", "iam:PermissionsBoundary").isEmpty())
                .allSatisfy(deny -> assertThat(deny.actions()).doesNotContainAnyElementsOf(setUp));
    }

    @Test
    void the_deployer_may_apply_the_baseline_s_network_acl_bucket_logging_and_artifact_encryption() {
        // What a workload stack's default network ACL, access-log buckets, bucket logging and the canary's SSE-KMS
        // artifacts call on pulumi up; the S3 data events are set only on the shared account's trail, by an administrator.
        List<String> applied = List.of("ec2:DescribeNetworkAcls", "ec2:CreateNetworkAclEntry", "ec2:DeleteNetworkAclEntry",
                "ec2:ReplaceNetworkAclEntry", "ec2:ReplaceNetworkAclAssociation", "ec2:CreateTags", "s3:CreateBucket",
                "s3:PutBucketLogging", "s3:PutBucketPolicy", "s3:PutBucketOwnershipControls", "s3:PutEncryptionConfiguration",
                "s3:PutLifecycleConfiguration", "s3:PutBucketPublicAccessBlock", "synthetics:UpdateCanary");
        List<Statement> denies = POLICY.statements().stream().filter(s -> s.effect() == Statement.Effect.Deny
                && s.condition("StringNotEquals", "aws:RequestedRegion").isEmpty()
                && s.condition("StringNotEquals", "iam:PermissionsBoundary").isEmpty()).toList();
        assertThat(denies).isNotEmpty();
        for (Statement deny : denies) {
            for (String action : applied) {
                assertThat(deny.actions()).as(deny.sid() + " denies " + action)
                        .noneMatch(pattern -> action.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q")));
            }
        }
    }

    @Test
    void nothing_happens_outside_the_allowed_regions_but_global_services() {
        Statement deny = POLICY.statement("DenyOutsideAllowedRegions");

        assertThat(deny.condition("StringNotEquals", "aws:RequestedRegion")).containsExactly("eu-west-1");
        assertThat(deny.actions()).isEmpty();
        assertThat(deny.notActions()).contains("iam:*", "sts:*", "organizations:*", "route53:*", "cloudfront:*")
                .doesNotContain("ec2:*", "ecs:*", "kms:*", "config:*", "s3:*");
    }

    @Test
    void no_iam_users_no_access_keys_no_leaving_the_organization() {
        assertThat(POLICY.statement("DenyIamUsersAndAccessKeys").actions()).contains("iam:CreateUser", "iam:CreateAccessKey");
        assertThat(POLICY.statement("DenyLeavingTheOrganization").actions()).containsExactly("organizations:LeaveOrganization");
    }

    @Test
    void everything_else_is_allowed_and_every_other_statement_denies() {
        assertThat(POLICY.statement("AllowWithinBoundary").actions()).containsExactly("*");
        assertThat(POLICY.statements()).hasSize(10)
                .filteredOn(s -> s.effect() == Statement.Effect.Allow).hasSize(1);
    }

    @Test
    void it_fits_a_managed_policy_even_with_every_commercial_region_allowed() {
        List<String> many = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2",
                "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
                "ap-northeast-1", "ap-northeast-2", "sa-east-1");

        PolicyDocument wide = PermissionsBoundary.document(Partition.AWS, ACCOUNT, many, "A".repeat(64));

        assertThat(wide.size()).isLessThanOrEqualTo(PolicyDocument.MANAGED_POLICY_LIMIT);
        assertThat(POLICY.size()).isLessThan(wide.size());
    }
}
