package io.quest.platform.service;

import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.logs.EncryptedLogGroup;
import io.quest.platform.logs.LogGroupName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AWS WAF web ACL in front of the public load balancer: regional, AWS's managed rule groups enforcing (no
 * count-only mode), everything else allowed, CloudWatch metrics and sampled requests on every rule (Security Hub
 * WAF.10, WAF.12), and every request logged to a CloudWatch Logs group named {@code aws-waf-logs-<name>} as AWS WAF
 * requires (WAF.11), with the {@code authorization} and {@code cookie} headers redacted.
 *
 * <p>AWS WAF adds the statement that lets it deliver to the log group to the account's CloudWatch Logs resource
 * policy itself when logging is switched on, which takes {@code logs:PutResourcePolicy} and
 * {@code logs:DescribeResourcePolicies} (AWS WAF Developer Guide, "Sending web ACL traffic logs to an Amazon
 * CloudWatch Logs log group", read 2026-12-02); the deployer's permissions boundary allows both.
 */
public final class WebFirewall extends ComponentResource {

    public static final String TYPE = "quest:service:WebFirewall";

    private final Output<String> webAclArn;
    private final Output<String> logGroupName;

    public WebFirewall(String name, WebFirewallArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        // Encrypted with a key of its own that CloudWatch Logs may use for this log group only.
        var logs = EncryptedLogGroup.create(name + "-logs", new EncryptedLogGroup.Spec(
                args.accountId(), args.region(), LogGroupName.exactly(WebFirewallArgs.LOG_GROUP_PREFIX + name),
                args.logRetentionDays(), "AWS WAF's request log of " + name, args.protectLogs(), args.protectLogs(), args.tags()), this).logGroup();

        List<WebAclRuleArgs> rules = new ArrayList<>();
        for (int i = 0; i < args.ruleGroups().size(); i++) {
            String group = args.ruleGroups().get(i);
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(i)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.Empty).build())
                    .statement(WebAclRuleStatementArgs.builder()
                            .managedRuleGroupStatement(WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                                    .vendorName("AWS")
                                    .name(group)
                                    .build())
                            .build())
                    .visibilityConfig(WebAclRuleVisibilityConfigArgs.builder()
                            .cloudwatchMetricsEnabled(true)
                            .sampledRequestsEnabled(true)
                            .metricName(name + "-" + group)
                            .build())
                    .build());
        }
        var acl = new WebAcl(name, WebAclArgs.builder()
                .name(name)
                .description("AWS managed rule groups in front of the load balancer")
                .scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.Empty).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true)
                        .sampledRequestsEnabled(true)
                        .metricName(name)
                        .build())
                .tags(args.tags().named(name))
                .build(), child);

        new WebAclAssociation(name + "-association", WebAclAssociationArgs.builder()
                .resourceArn(args.loadBalancerArn())
                .webAclArn(acl.arn())
                .build(), child);

        new WebAclLoggingConfiguration(name + "-logging", WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.arn().applyValue(List::of))
                .redactedFields(redacted("authorization"), redacted("cookie"))
                .build(), child);

        this.webAclArn = acl.arn();
        this.logGroupName = logs.name();
        registerOutputs(Map.of("webAclArn", webAclArn, "logGroupName", logGroupName));
    }

    private static WebAclLoggingConfigurationRedactedFieldArgs redacted(String header) {
        return WebAclLoggingConfigurationRedactedFieldArgs.builder()
                .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder().name(header).build())
                .build();
    }

    public Output<String> webAclArn() {
        return webAclArn;
    }

    public Output<String> logGroupName() {
        return logGroupName;
    }
}
