package io.quest.platform.approval;

import java.util.Optional;

/** Parts of an account where any change decides who can do what, or what is recorded; each change needs approval. */
public enum ControlArea {
    /** IAM: roles and their trust, policies, attachments, users, groups, OIDC providers, permission boundaries. */
    IAM("IAM"),
    /** Security groups and their rules: what can reach what over the network. */
    SECURITY_GROUP("a security group"),
    /** KMS key policies and grants: who may use or manage a key. */
    KMS_KEY_POLICY("a KMS key policy"),
    /** CloudTrail: the account's audit log. */
    CLOUDTRAIL("CloudTrail"),
    /** AWS Config: recorders, delivery channels, rules, aggregators. */
    CONFIG("AWS Config");

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
        if (type.startsWith("aws:iam/")) {
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
