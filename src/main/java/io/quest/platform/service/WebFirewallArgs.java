package io.quest.platform.service;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link WebFirewall} protects and how long it keeps its logs.
 *
 * @param loadBalancerArn  the internet-facing load balancer the web ACL is associated with
 * @param ruleGroups       AWS managed rule groups, in evaluation order. Defaults to {@link #DEFAULT_RULE_GROUPS}
 * @param logRetentionDays how long the web ACL's log group keeps its requests; a retention CloudWatch Logs accepts
 * @param protectLogs      the log group and its key are protected and kept in AWS when removed from the program
 * @param tags             the platform-wide tag layer
 */
public record WebFirewallArgs(String accountId, String region, Output<String> loadBalancerArn, List<String> ruleGroups,
                              int logRetentionDays, boolean protectLogs, Tags tags) {

    /**
     * AWS managed rule groups every web ACL starts from, all free of AWS's own subscription fee (AWS WAF Developer Guide,
     * "AWS Managed Rules rule groups list", read 2026-12-02): the core rule set (OWASP Top 10 style: bad bodies, paths,
     * headers, XSS and LFI patterns; 700 WCUs), known bad inputs (Log4Shell, Java deserialisation, host header
     * attacks; 200 WCUs), and Amazon's IP reputation list (bots and known-malicious sources; 25 WCUs): 925 of the
     * 1,500 capacity units a web ACL gets without extra charge.
     */
    public static final List<String> DEFAULT_RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet");

    /** The prefix AWS WAF requires of a CloudWatch Logs destination (AWS WAF Developer Guide, "Log group naming"). */
    public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";

    public WebFirewallArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(loadBalancerArn, "loadBalancerArn");
        ruleGroups = List.copyOf(ruleGroups);
        Objects.requireNonNull(tags, "tags");
        if (ruleGroups.isEmpty()) {
            throw new IllegalArgumentException("a web ACL without rules lets everything through (Security Hub WAF.10)");
        }
    }
}
