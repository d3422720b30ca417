package io.quest.platform.governance;

import io.quest.platform.identity.PasswordPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS Config managed rules every workload account runs, chosen for what the platform creates (VPCs,
 * security groups, load balancers, buckets, keys, log groups, trails) and for the account itself (root
 * user, IAM users and policies). Identifiers and parameter names are AWS's own, from "List of AWS Config
 * Managed Rules" (https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html):
 * a wrong one fails {@code pulumi up}, so the test suite checks each against a copy of that list.
 *
 * <p>A stack can switch a rule off only through {@code quest-platform:baseline.disabledRules}, with a reason.
 */
public final class ConfigRuleCatalogue {

    private static final List<ManagedRule> RULES = List.of(
            // Account and root user
            account("root-account-mfa-enabled", "ROOT_ACCOUNT_MFA_ENABLED", "FSBP IAM.9, CIS 1.13 (v1.2.0) / 1.5 (v1.4.0)"),
            account("iam-root-access-key-check", "IAM_ROOT_ACCESS_KEY_CHECK", "FSBP IAM.4, CIS 1.12 (v1.2.0) / 1.4 (v1.4.0)"),
            account("iam-password-policy", "IAM_PASSWORD_POLICY", "FSBP IAM.7, CIS 1.5-1.11 (v1.2.0) / 1.8-1.9 (v1.4.0)"),
            account("iam-user-no-policies-check", "IAM_USER_NO_POLICIES_CHECK", "FSBP IAM.2, CIS 1.16 (v1.2.0) / 1.15 (v1.4.0)"),
            account("mfa-enabled-for-iam-console-access", "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", "FSBP IAM.5, CIS 1.2 (v1.2.0) / 1.10 (v1.4.0)"),
            // The platform's permissions boundary allows "*" on "*" and narrows it with denies, as a boundary does; it
            // is no grant, so the rule leaves boundaries out (its excludePermissionBoundaryPolicy parameter) instead
            // of flagging it forever, as Security Hub's own IAM.1 does ("AWS Identity and Access Management controls",
            // https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html, read 2026-12-02: parameter
            // excludePermissionBoundaryPolicy: true). Every other customer managed policy is still checked.
            account("iam-policy-no-statements-with-admin-access", "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "FSBP IAM.1, CIS 1.22 (v1.2.0) / 1.16 (v1.4.0)")
                    .withParameters(Map.of("excludePermissionBoundaryPolicy", "true")),
            account("s3-account-level-public-access-blocks", "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS", "FSBP S3.1, CIS 2.1.5 (v1.4.0)")
                    .withParameters(Map.of("BlockPublicAcls", "True", "BlockPublicPolicy", "True",
                            "IgnorePublicAcls", "True", "RestrictPublicBuckets", "True")),
            account("ec2-ebs-encryption-by-default", "EC2_EBS_ENCRYPTION_BY_DEFAULT", "FSBP EC2.7, CIS 2.2.1 (v1.4.0)"),
            // CloudTrail
            account("multi-region-cloudtrail-enabled", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "FSBP CloudTrail.1, CIS 2.1 (v1.2.0) / 3.1 (v1.4.0)"),
            account("cloud-trail-encryption-enabled", "CLOUD_TRAIL_ENCRYPTION_ENABLED", "FSBP CloudTrail.2, CIS 2.7 (v1.2.0) / 3.7 (v1.4.0)"),
            account("cloud-trail-log-file-validation-enabled", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "FSBP CloudTrail.4, CIS 2.2 (v1.2.0) / 3.2 (v1.4.0)"),
            account("cloud-trail-cloud-watch-logs-enabled", "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", "FSBP CloudTrail.5, CIS 2.4 (v1.2.0) / 3.4 (v1.4.0)"),
            // Network
            regional("vpc-flow-logs-enabled", "VPC_FLOW_LOGS_ENABLED", "FSBP EC2.6, CIS 2.9 (v1.2.0) / 3.9 (v1.4.0)")
                    .withParameters(Map.of("trafficType", "ALL")),
            regional("vpc-default-security-group-closed", "VPC_DEFAULT_SECURITY_GROUP_CLOSED", "FSBP EC2.2, CIS 4.3 (v1.2.0) / 5.3 (v1.4.0)"),
            regional("restricted-ssh", "INCOMING_SSH_DISABLED", "FSBP EC2.13, CIS 4.1 (v1.2.0)"),
            regional("restricted-common-ports", "RESTRICTED_INCOMING_TRAFFIC", "FSBP EC2.19, CIS 4.2 (v1.2.0)")
                    .withParameters(Map.of("blockedPort1", "20", "blockedPort2", "21", "blockedPort3", "3389",
                            "blockedPort4", "3306", "blockedPort5", "4333")),
            regional("subnet-auto-assign-public-ip-disabled", "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED", "FSBP EC2.15"),
            // Load balancers
            regional("alb-http-to-https-redirection-check", "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", "FSBP ELB.1"),
            regional("alb-http-drop-invalid-header-enabled", "ALB_HTTP_DROP_INVALID_HEADER_ENABLED", "FSBP ELB.4"),
            // Storage, keys and logs
            regional("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "FSBP S3.2"),
            regional("s3-bucket-ssl-requests-only", "S3_BUCKET_SSL_REQUESTS_ONLY", "FSBP S3.5, CIS 2.1.2 (v1.4.0)"),
            regional("s3-bucket-server-side-encryption-enabled", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "FSBP S3.4, CIS 2.1.1 (v1.4.0)"),
            regional("cmk-backing-key-rotation-enabled", "CMK_BACKING_KEY_ROTATION_ENABLED", "FSBP KMS.4, CIS 2.8 (v1.2.0) / 3.8 (v1.4.0)"),
            regional("cloudwatch-log-group-encrypted", "CLOUDWATCH_LOG_GROUP_ENCRYPTED", "NIST 800-53 SC-28 (no FSBP control)"));

    private ConfigRuleCatalogue() {
    }

    /** Every rule of the catalogue, with its default parameters. */
    public static List<ManagedRule> all() {
        return RULES;
    }

    /** The rule with this source identifier, if the catalogue has it. */
    public static Optional<ManagedRule> byIdentifier(String identifier) {
        return RULES.stream().filter(r -> r.identifier().equals(identifier)).findFirst();
    }

    /**
     * The rules a stack deploys: the catalogue without the disabled identifiers, with the password-policy
     * rule checking the stack's own policy. Account-wide rules only where {@code homeRegion} is true.
     */
    public static List<ManagedRule> forStack(PasswordPolicy passwordPolicy, Set<String> disabled, boolean homeRegion) {
        return RULES.stream()
                .filter(r -> !disabled.contains(r.identifier()))
                .filter(r -> homeRegion || !r.accountWide())
                .map(r -> r.identifier().equals("IAM_PASSWORD_POLICY") ? r.withParameters(passwordParameters(passwordPolicy)) : r)
                .toList();
    }

    /** The parameters of IAM_PASSWORD_POLICY that make it check exactly the policy the stack sets. */
    static Map<String, String> passwordParameters(PasswordPolicy policy) {
        // AWS reads these booleans case-sensitively: "true" in lower case, anything else is false.
        Map<String, String> p = new LinkedHashMap<>();
        p.put("RequireUppercaseCharacters", "true");
        p.put("RequireLowercaseCharacters", "true");
        p.put("RequireSymbols", "true");
        p.put("RequireNumbers", "true");
        p.put("MinimumPasswordLength", String.valueOf(policy.minimumLength()));
        p.put("PasswordReusePrevention", String.valueOf(policy.reusePrevention()));
        p.put("MaxPasswordAge", String.valueOf(policy.maxAgeDays()));
        return p;
    }

    private static ManagedRule account(String name, String identifier, String controls) {
        return new ManagedRule(name, identifier, Map.of(), true, controls);
    }

    private static ManagedRule regional(String name, String identifier, String controls) {
        return new ManagedRule(name, identifier, Map.of(), false, controls);
    }
}
