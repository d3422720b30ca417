package io.quest.platform.governance;

/**
 * The CloudTrail metric filters of the CIS AWS Foundations Benchmark, with the benchmark's filter patterns
 * (v1.2.0 section 3, v1.4.0 section 4; Security Hub controls CloudWatch.1-14). Each publishes a count of
 * matching events, which an alarm watches.
 */
public enum CisMetricFilter {
    /** Unauthorised API calls: CIS v1.2.0 3.1, v1.4.0 4.1, Security Hub CloudWatch.2. */
    UNAUTHORIZED_API_CALLS("unauthorized-api-calls", "UnauthorizedApiCalls", "CIS 3.1 (v1.2.0) / 4.1 (v1.4.0), CloudWatch.2",
            "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
            "API calls refused for lack of permission"),
    /** Console sign-in without MFA: CIS v1.2.0 3.2, v1.4.0 4.2, Security Hub CloudWatch.3. */
    CONSOLE_SIGNIN_WITHOUT_MFA("console-signin-without-mfa", "ConsoleSigninWithoutMfa", "CIS 3.2 (v1.2.0) / 4.2 (v1.4.0), CloudWatch.3",
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
            "console sign-ins without multi-factor authentication"),
    /** Use of the root user: CIS v1.2.0 3.3, v1.4.0 1.7 and 4.3, Security Hub CloudWatch.1. */
    ROOT_ACCOUNT_USE("root-account-use", "RootAccountUse", "CIS 3.3 (v1.2.0) / 4.3 (v1.4.0), CloudWatch.1",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            "actions by the account's root user"),
    /** IAM policy changes: CIS v1.2.0 3.4, v1.4.0 4.4, Security Hub CloudWatch.4. */
    IAM_POLICY_CHANGES("iam-policy-changes", "IamPolicyChanges", "CIS 3.4 (v1.2.0) / 4.4 (v1.4.0), CloudWatch.4",
            "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)"
                    + "||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)"
                    + "||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)"
                    + "||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)"
                    + "||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)"
                    + "||($.eventName=DetachGroupPolicy)}",
            "changes to IAM policies"),
    /** CloudTrail configuration changes: CIS v1.2.0 3.5, v1.4.0 4.5, Security Hub CloudWatch.5. */
    CLOUDTRAIL_CHANGES("cloudtrail-changes", "CloudTrailChanges", "CIS 3.5 (v1.2.0) / 4.5 (v1.4.0), CloudWatch.5",
            "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail)"
                    + " || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
            "changes to CloudTrail trails"),
    /** AWS Config configuration changes: CIS v1.2.0 3.9, v1.4.0 4.9, Security Hub CloudWatch.9. */
    CONFIG_CHANGES("config-changes", "ConfigChanges", "CIS 3.9 (v1.2.0) / 4.9 (v1.4.0), CloudWatch.9",
            "{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder)"
                    + " || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel)"
                    + " || ($.eventName = PutConfigurationRecorder)) }",
            "changes to AWS Config recording"),
    /** Security group changes: CIS v1.2.0 3.10, v1.4.0 4.10, Security Hub CloudWatch.10. */
    SECURITY_GROUP_CHANGES("security-group-changes", "SecurityGroupChanges", "CIS 3.10 (v1.2.0) / 4.10 (v1.4.0), CloudWatch.10",
            "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress)"
                    + " || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress)"
                    + " || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
            "changes to security groups"),
    /** Network ACL changes: CIS v1.2.0 3.11, v1.4.0 4.11, Security Hub CloudWatch.11. */
    NACL_CHANGES("nacl-changes", "NetworkAclChanges", "CIS 3.11 (v1.2.0) / 4.11 (v1.4.0), CloudWatch.11",
            "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl)"
                    + " || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry)"
                    + " || ($.eventName = ReplaceNetworkAclAssociation) }",
            "changes to network ACLs");

    /** The namespace every security metric is published in. */
    public static final String NAMESPACE = "QuestPlatform/Security";

    private final String key;
    private final String metricName;
    private final String controls;
    private final String pattern;
    private final String meaning;

    CisMetricFilter(String key, String metricName, String controls, String pattern, String meaning) {
        this.key = key;
        this.metricName = metricName;
        this.controls = controls;
        this.pattern = pattern;
        this.meaning = meaning;
    }

    /** The stable key in resource names ({@code dev-trail-root-account-use}). */
    public String key() {
        return key;
    }

    /** The benchmark controls it implements. */
    public String controls() {
        return controls;
    }

    /** The CloudWatch Logs filter pattern, exactly as the benchmark gives it. */
    public String pattern() {
        return pattern;
    }

    /** The metric it publishes. */
    public SecurityMetric metric() {
        return new SecurityMetric(metricName, NAMESPACE, "Count of " + meaning + " in CloudTrail (" + controls + ")");
    }
}
