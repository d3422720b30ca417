package io.quest.platform.governance;

import java.util.Optional;

/**
 * The CloudTrail metric filters of the CIS AWS Foundations Benchmark v3.0.0, section 4 (Monitoring, 4.1-4.15), each
 * publishing a count of matching events that an alarm watches.
 *
 * <p>Patterns are AWS's own, character for character: Security Hub checks controls CloudWatch.1-14 against "the exact
 * metric filters prescribed by CIS" ("Amazon CloudWatch controls",
 * https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html, read 2026-12-02; the same text as
 * awsdocs/aws-security-hub-user-guide doc_source/cloudwatch-controls.md at bda5bf7ddbdf498557b2ac6a538577528004e6d5).
 * AWS Organizations changes (CIS 4.15) have no Security Hub control; that pattern is the benchmark's own (CIS AWS
 * Foundations Benchmark v3.0.0, 4.15, audit step 3, unchanged since v1.4.0). The test suite compares every pattern with
 * a copy of those texts ({@code src/test/resources/aws-securityhub}).
 */
public enum CisMetricFilter {
    /** Unauthorised API calls: CIS v3.0.0 4.1, Security Hub CloudWatch.2. */
    UNAUTHORIZED_API_CALLS("unauthorized-api-calls", "UnauthorizedApiCalls", "4.1", "CloudWatch.2",
            "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}",
            "API calls refused for lack of permission"),
    /**
     * Successful console sign-in of an IAM user without MFA: CIS v3.0.0 4.2 (the benchmark's variant that leaves out
     * single sign-on, which the platform's people use), Security Hub CloudWatch.3.
     */
    CONSOLE_SIGNIN_WITHOUT_MFA("console-signin-without-mfa", "ConsoleSigninWithoutMfa", "4.2", "CloudWatch.3",
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\")"
                    + " && ($.responseElements.ConsoleLogin = \"Success\") }",
            "console sign-ins without multi-factor authentication"),
    /** Use of the root user: CIS v3.0.0 4.3, Security Hub CloudWatch.1. */
    ROOT_ACCOUNT_USE("root-account-use", "RootAccountUse", "4.3", "CloudWatch.1",
            "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}",
            "actions by the account's root user"),
    /** IAM policy changes: CIS v3.0.0 4.4, Security Hub CloudWatch.4. */
    IAM_POLICY_CHANGES("iam-policy-changes", "IamPolicyChanges", "4.4", "CloudWatch.4",
            "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy)"
                    + " || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy)"
                    + " || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion)"
                    + " || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy)"
                    + " || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy)"
                    + " || ($.eventName=DetachGroupPolicy)}",
            "changes to IAM policies"),
    /** CloudTrail configuration changes: CIS v3.0.0 4.5, Security Hub CloudWatch.5. */
    CLOUDTRAIL_CHANGES("cloudtrail-changes", "CloudTrailChanges", "4.5", "CloudWatch.5",
            "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail)"
                    + " || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
            "changes to CloudTrail trails"),
    /** Failed console sign-ins: CIS v3.0.0 4.6, Security Hub CloudWatch.6. */
    CONSOLE_AUTHENTICATION_FAILURES("console-authentication-failures", "ConsoleAuthenticationFailures", "4.6", "CloudWatch.6",
            "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}",
            "failed console sign-ins"),
    /** Customer managed KMS keys disabled or scheduled for deletion: CIS v3.0.0 4.7, Security Hub CloudWatch.7. */
    KMS_KEY_DISABLED_OR_DELETED("kms-key-disabled-or-deleted", "KmsKeyDisabledOrScheduledForDeletion", "4.7", "CloudWatch.7",
            "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
            "KMS keys disabled or scheduled for deletion"),
    /** S3 bucket policy, ACL, CORS, lifecycle and replication changes: CIS v3.0.0 4.8, Security Hub CloudWatch.8. */
    S3_BUCKET_POLICY_CHANGES("s3-bucket-policy-changes", "S3BucketPolicyChanges", "4.8", "CloudWatch.8",
            "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy)"
                    + " || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication)"
                    + " || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle)"
                    + " || ($.eventName=DeleteBucketReplication))}",
            "changes to S3 bucket policies and ACLs"),
    /** AWS Config configuration changes: CIS v3.0.0 4.9, Security Hub CloudWatch.9. */
    CONFIG_CHANGES("config-changes", "ConfigChanges", "4.9", "CloudWatch.9",
            "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)"
                    + " || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel)"
                    + " || ($.eventName=PutConfigurationRecorder))}",
            "changes to AWS Config recording"),
    /** Security group changes: CIS v3.0.0 4.10, Security Hub CloudWatch.10. */
    SECURITY_GROUP_CHANGES("security-group-changes", "SecurityGroupChanges", "4.10", "CloudWatch.10",
            "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress)"
                    + " || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress)"
                    + " || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
            "changes to security groups"),
    /** Network ACL changes: CIS v3.0.0 4.11, Security Hub CloudWatch.11. */
    NACL_CHANGES("nacl-changes", "NetworkAclChanges", "4.11", "CloudWatch.11",
            "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl)"
                    + " || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry)"
                    + " || ($.eventName=ReplaceNetworkAclAssociation)}",
            "changes to network ACLs"),
    /** Customer and internet gateway changes: CIS v3.0.0 4.12, Security Hub CloudWatch.12. */
    NETWORK_GATEWAY_CHANGES("network-gateway-changes", "NetworkGatewayChanges", "4.12", "CloudWatch.12",
            "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway)"
                    + " || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway)"
                    + " || ($.eventName=DetachInternetGateway)}",
            "changes to network gateways"),
    /** Route table changes: CIS v3.0.0 4.13, Security Hub CloudWatch.13. */
    ROUTE_TABLE_CHANGES("route-table-changes", "RouteTableChanges", "4.13", "CloudWatch.13",
            "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute)"
                    + " || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute)"
                    + " || ($.eventName=DisassociateRouteTable)}",
            "changes to route tables"),
    /** VPC and peering changes: CIS v3.0.0 4.14, Security Hub CloudWatch.14. */
    VPC_CHANGES("vpc-changes", "VpcChanges", "4.14", "CloudWatch.14",
            "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute)"
                    + " || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection)"
                    + " || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection)"
                    + " || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink)"
                    + " || ($.eventName=EnableVpcClassicLink)}",
            "changes to VPCs and their peering"),
    /** AWS Organizations changes: CIS v3.0.0 4.15; no Security Hub control checks it. */
    ORGANIZATIONS_CHANGES("organizations-changes", "OrganizationsChanges", "4.15", null,
            "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\")"
                    + " || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\")"
                    + " || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\")"
                    + " || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\")"
                    + " || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\")"
                    + " || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\")"
                    + " || ($.eventName = \"UpdateOrganizationalUnit\")) }",
            "changes to AWS Organizations");

    /** The namespace every security metric is published in. */
    public static final String NAMESPACE = "QuestPlatform/Security";

    private final String key;
    private final String metricName;
    private final String cisRecommendation;
    private final String securityHubControl;
    private final String pattern;
    private final String meaning;

    CisMetricFilter(String key, String metricName, String cisRecommendation, String securityHubControl, String pattern,
                    String meaning) {
        this.key = key;
        this.metricName = metricName;
        this.cisRecommendation = cisRecommendation;
        this.securityHubControl = securityHubControl;
        this.pattern = pattern;
        this.meaning = meaning;
    }

    /** The stable key in resource names ({@code dev-trail-root-account-use}). */
    public String key() {
        return key;
    }

    /** The CIS AWS Foundations Benchmark v3.0.0 recommendation ({@code 4.6}). */
    public String cisRecommendation() {
        return cisRecommendation;
    }

    /** The Security Hub control that checks it ({@code CloudWatch.6}), if there is one. */
    public Optional<String> securityHubControl() {
        return Optional.ofNullable(securityHubControl);
    }

    /** The benchmark controls it implements, as alarm descriptions and docs name them. */
    public String controls() {
        return "CIS v3.0.0 " + cisRecommendation + securityHubControl().map(c -> ", Security Hub " + c).orElse("");
    }

    /** The CloudWatch Logs filter pattern, exactly as AWS gives it. */
    public String pattern() {
        return pattern;
    }

    /** The metric it publishes. */
    public SecurityMetric metric() {
        return new SecurityMetric(metricName, NAMESPACE, "Count of " + meaning + " in CloudTrail (" + controls() + ")");
    }
}
