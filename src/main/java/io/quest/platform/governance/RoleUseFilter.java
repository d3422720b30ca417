package io.quest.platform.governance;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A CloudTrail metric filter that counts every use of the roles whose use is alarmed (the break-glass role of each
 * account the trail logs): an {@code AssumeRole} of one of them (the CloudTrail record in the role's account names
 * it as {@code requestParameters.roleArn}; "Example cross-account AWS STS API events in CloudTrail log files",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html, read 2026-12-02), and any call made
 * with a session of one of them ({@code userIdentity.sessionContext.sessionIssuer.arn}), which also catches a session
 * obtained another way (the console's role switch) or an ARN spelled differently in the request.
 *
 * @param roleArns the roles' ARNs, exactly as IAM names them
 */
public record RoleUseFilter(List<String> roleArns) {

    /** The stable key in resource names ({@code dev-trail-break-glass-use}). */
    public static final String KEY = "break-glass-use";

    /** CloudWatch Logs accepts filter patterns of at most 1024 characters (PutMetricFilter, filterPattern). */
    static final int PATTERN_LIMIT = 1024;

    /** The metric it publishes. */
    public static final SecurityMetric METRIC = new SecurityMetric("BreakGlassRoleUse", CisMetricFilter.NAMESPACE,
            "Count of assumptions and calls of the break-glass role in CloudTrail");

    public RoleUseFilter {
        roleArns = List.copyOf(roleArns);
        if (roleArns.isEmpty()) {
            throw new IllegalArgumentException("a role use filter needs at least one role");
        }
        for (String arn : roleArns) {
            if (!arn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
                throw new IllegalArgumentException(arn + " is not an IAM role ARN");
            }
        }
        int length = pattern(roleArns).length();
        if (length > PATTERN_LIMIT) {
            throw new IllegalArgumentException("the break-glass filter for " + roleArns.size() + " roles is " + length
                    + " characters; CloudWatch Logs accepts at most " + PATTERN_LIMIT);
        }
    }

    /** The filter pattern. */
    public String pattern() {
        return pattern(roleArns);
    }

    /**
     * The roles' ARNs one by one while that fits CloudWatch's limit; past it (a trail watching the break-glass role of
     * many accounts), the one role name in any account of the partition ({@code arn:aws:iam::*:role/NAME}), which
     * counts at least every use of the listed roles. The trail logs only the platform's own accounts (or its
     * organisation's), so what it adds is a role of that name in such an account. A {@code *} in a quoted JSON value
     * matches any text (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html, read
     * 2026-12-02; modelled by the tests' FilterPattern).
     */
    private static String pattern(List<String> roleArns) {
        String exact = patternOf(roleArns);
        if (exact.length() <= PATTERN_LIMIT) {
            return exact;
        }
        List<String> byName = roleArns.stream().map(arn -> arn.replaceFirst("::\\d{12}:", "::*:")).distinct().toList();
        return patternOf(byName);
    }

    private static String patternOf(List<String> roleArns) {
        String assumed = roleArns.stream().map(arn -> "($.requestParameters.roleArn = \"" + arn + "\")")
                .collect(Collectors.joining(" || "));
        String sessions = roleArns.stream().map(arn -> "($.userIdentity.sessionContext.sessionIssuer.arn = \"" + arn + "\")")
                .collect(Collectors.joining(" || "));
        return "{ (($.eventSource = \"sts.amazonaws.com\") && ($.eventName = \"AssumeRole\") && (" + assumed + ")) || "
                + sessions + " }";
    }
}
