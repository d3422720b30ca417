package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

/**
 * What the reviewer role may change in the account that hosts review stacks: exactly what a review stack is made of (an
 * ECS cluster, task definition and service; a target group, a rule and a certificate on the environment's listener; an ACM
 * certificate and its Route 53 records; security groups and their rules; a KMS key and log group for the container logs;
 * the task and execution roles), on top of ReadOnlyAccess without data reads. It may not create or change load balancers,
 * listeners, VPCs, subnets, routes or gateways; the roles it creates are named {@code pr-*} and carry the account's
 * permissions boundary (which also keeps it from the platform's own roles and the audit trail); its log groups are named
 * {@code /quest/pr-*}. Actions and resource types from the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/, read 2026-12-02).
 */
public final class ReviewerPolicies {

    /** What every review stack's resources are named after: the stack, {@code pr-<n>}. */
    static final String NAMES = "pr-*";

    private ReviewerPolicies() {
    }

    /** The reviewer's writes in {@code accountId}; {@code boundaryArn} is the permissions boundary every role it creates carries. */
    public static PolicyDocument writes(Partition partition, String accountId, String boundaryArn) {
        String ecs = "arn:" + partition.id() + ":ecs:*:" + accountId + ":";
        String roles = partition.iam(accountId, "role/" + NAMES);
        return PolicyDocument.of(
                Statement.allow("ReviewEcs")
                        .actions("ecs:CreateCluster", "ecs:DeleteCluster", "ecs:UpdateCluster", "ecs:CreateService", "ecs:UpdateService",
                                "ecs:DeleteService", "ecs:TagResource", "ecs:UntagResource")
                        .resources(ecs + "cluster/" + NAMES, ecs + "service/" + NAMES + "/*", ecs + "task-definition/" + NAMES + ":*"),
                // RegisterTaskDefinition and DeregisterTaskDefinition take no resource ARN (IAM: "*").
                Statement.allow("ReviewTaskDefinitions")
                        .actions("ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition")
                        .resources("*"),
                Statement.allow("ReviewRoutes")
                        .actions("elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteTargetGroup",
                                "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                                "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:ModifyRule",
                                "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates",
                                "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags")
                        .resources("*"),
                Statement.allow("ReviewCertificatesAndRecords")
                        .actions("acm:RequestCertificate", "acm:DeleteCertificate", "acm:AddTagsToCertificate", "acm:RemoveTagsFromCertificate",
                                "route53:ChangeResourceRecordSets", "route53:GetChange")
                        .resources("*"),
                Statement.allow("ReviewSecurityGroups")
                        .actions("ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup", "ec2:AuthorizeSecurityGroupIngress",
                                "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
                                "ec2:ModifySecurityGroupRules", "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
                                "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:CreateTags", "ec2:DeleteTags")
                        .resources("*"),
                Statement.allow("ReviewLogs")
                        .actions("logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy",
                                "logs:AssociateKmsKey", "logs:DisassociateKmsKey", "logs:TagResource", "logs:UntagResource",
                                "logs:TagLogGroup", "logs:UntagLogGroup")
                        .resources(partition.arn("logs", "*", accountId, "log-group:/quest/" + NAMES)),
                // A key's own policy and tags are set when it is created; later changes only to keys of review stacks.
                Statement.allow("ReviewCreatesKeys")
                        .actions("kms:CreateKey")
                        .resources("*")
                        .when("StringLike", "aws:RequestTag/stack", NAMES),
                Statement.allow("ReviewManagesItsKeys")
                        .actions("kms:PutKeyPolicy", "kms:EnableKeyRotation", "kms:ScheduleKeyDeletion", "kms:TagResource",
                                "kms:UntagResource", "kms:UpdateKeyDescription")
                        .resources("*")
                        .when("StringLike", "aws:ResourceTag/stack", NAMES),
                Statement.allow("ReviewRoles")
                        .actions("iam:CreateRole", "iam:PutRolePermissionsBoundary")
                        .resources(roles)
                        .when("StringEquals", "iam:PermissionsBoundary", boundaryArn),
                Statement.allow("ReviewRolesChange")
                        .actions("iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
                                "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:TagRole", "iam:UntagRole")
                        .resources(roles),
                Statement.allow("ReviewPassesRolesToEcs")
                        .actions("iam:PassRole")
                        .resources(roles)
                        .when("StringEquals", "iam:PassedToService", ServicePrincipal.ECS_TASKS.in(partition)),
                Statement.deny("ReviewNeverChangesLoadBalancersOrNetworks")
                        .actions("elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DeleteLoadBalancer",
                                "elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
                                "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyLoadBalancerAttributes",
                                "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
                                "ec2:CreateVpc", "ec2:DeleteVpc", "ec2:CreateSubnet", "ec2:DeleteSubnet", "ec2:CreateRoute",
                                "ec2:DeleteRoute", "ec2:ReplaceRoute", "ec2:CreateNatGateway", "ec2:DeleteNatGateway",
                                "ec2:AttachInternetGateway", "ec2:DetachInternetGateway", "ec2:RunInstances")
                        .resources("*"))
                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the reviewer's policy");
    }
}
