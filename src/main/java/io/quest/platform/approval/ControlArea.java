package io.quest.platform.approval;

import java.util.Optional;
import java.util.Set;

/** Parts of an account where any change decides who can do what, or what is recorded; each change needs approval. */
public enum ControlArea {
    /**
     * IAM: roles and their trust, policies, attachments, users, groups, OIDC providers, permission boundaries, and IAM
     * Identity Center's permission sets and account assignments.
     */
    IAM("IAM"),
    /** Security groups and their rules: what can reach what over the network. */
    SECURITY_GROUP("a security group"),
    /** KMS key policies and grants: who may use or manage a key. */
    KMS_KEY_POLICY("a KMS key policy"),
    /** CloudTrail: the account's audit log. */
    CLOUDTRAIL("CloudTrail"),
    /** AWS Config: recorders, delivery channels, rules, aggregators. */
    CONFIG("AWS Config"),
    /** Network ACLs and their rules: stateless subnet firewalls. */
    NETWORK_ACL("a network ACL"),
    /** GuardDuty and Security Hub: detectors, protection plans, finding routing, standards, members, aggregation. */
    THREAT_DETECTION("GuardDuty or Security Hub"),
    /** AWS WAF: web ACLs, their rules, associations and logging. */
    WEB_FIREWALL("AWS WAF"),
    /**
     * Resource policies and grants that decide who outside the account may reach a resource: S3 bucket policies,
     * ACLs and public access blocks, Lambda permissions and function URLs, SNS, SQS, ECR, Secrets Manager and
     * OpenSearch policies.
     */
    RESOURCE_POLICY("a resource policy");

    private static final Set<String> RESOURCE_POLICY_TYPES = Set.of(
            "aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucketAclV2:BucketAclV2",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
            "aws:lambda/permission:Permission", "aws:lambda/functionUrl:FunctionUrl", "aws:sns/topicPolicy:TopicPolicy",
            "aws:sqs/queuePolicy:QueuePolicy", "aws:ecr/repositoryPolicy:RepositoryPolicy",
            "aws:secretsmanager/secretPolicy:SecretPolicy", "aws:opensearch/domainPolicy:DomainPolicy");

    private final String noun;

    ControlArea(String noun) {
        this.noun = noun;
    }

    /** How a reason names the area ("changes IAM", "changes a security group"). */
    public String noun() {
        return noun;
    }

    /** The area a change touches, if any; a KMS key counts only when its policy is part of the change. */
    public static Optional<ControlArea> of(ResourceChange change) {
        String type = change.type();
        // IAM Identity Center's permission sets and assignments decide who gets into which account with what.
        if (type.startsWith("aws:iam/") || type.startsWith("aws:ssoadmin/") || type.startsWith("aws:identitystore/")) {
            return Optional.of(IAM);
        }
        if (type.equals("aws:ec2/securityGroup:SecurityGroup")
                || type.equals("aws:ec2/securityGroupRule:SecurityGroupRule")
                || type.equals("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup")
                || type.equals("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                || type.equals("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")) {
            return Optional.of(SECURITY_GROUP);
        }
        if (type.equals("aws:kms/keyPolicy:KeyPolicy") || type.equals("aws:kms/grant:Grant")) {
            return Optional.of(KMS_KEY_POLICY);
        }
        if (type.equals("aws:kms/key:Key") && touchesKeyPolicy(change)) {
            return Optional.of(KMS_KEY_POLICY);
        }
        if (type.startsWith("aws:cloudtrail/")) {
            return Optional.of(CLOUDTRAIL);
        }
        if (type.startsWith("aws:cfg/")) {
            return Optional.of(CONFIG);
        }
        if (type.equals("aws:ec2/networkAcl:NetworkAcl") || type.equals("aws:ec2/networkAclRule:NetworkAclRule")
                || type.equals("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl")
                || type.equals("aws:ec2/networkAclAssociation:NetworkAclAssociation")) {
            return Optional.of(NETWORK_ACL);
        }
        if (type.startsWith("aws:guardduty/") || type.startsWith("aws:securityhub/")) {
            return Optional.of(THREAT_DETECTION);
        }
        if (type.startsWith("aws:wafv2/")) {
            return Optional.of(WEB_FIREWALL);
        }
        if (RESOURCE_POLICY_TYPES.contains(type)) {
            return Optional.of(RESOURCE_POLICY);
        }
        return Optional.empty();
    }

    private static boolean touchesKeyPolicy(ResourceChange change) {
        return switch (change.operation()) {
            case CREATE, IMPORT -> true;
            case UPDATE, REPLACE -> change.changedTopLevelProperties().contains("policy");
            default -> false;
        };
    }
}
