package io.quest.platform.governance;

import io.quest.platform.aws.Partition;

import com.pulumi.aws.securityhub.Account;
import com.pulumi.aws.securityhub.AccountArgs;
import com.pulumi.aws.securityhub.FindingAggregator;
import com.pulumi.aws.securityhub.FindingAggregatorArgs;
import com.pulumi.aws.securityhub.InviteAccepter;
import com.pulumi.aws.securityhub.InviteAccepterArgs;
import com.pulumi.aws.securityhub.Member;
import com.pulumi.aws.securityhub.MemberArgs;
import com.pulumi.aws.securityhub.OrganizationConfiguration;
import com.pulumi.aws.securityhub.OrganizationConfigurationArgs;
import com.pulumi.aws.securityhub.StandardsSubscription;
import com.pulumi.aws.securityhub.StandardsSubscriptionArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS Security Hub in one account and region: enabled without AWS's default standards, its control findings
 * consolidated (one finding per control, not per standard), and subscribed to exactly the two standards the platform
 * is measured against: AWS Foundational Security Best Practices v1.0.0 and the CIS AWS Foundations Benchmark v3.0.0.
 * The shared account is the administrator: each member account of the platform is its member in every allowed region
 * (by invitation it accepts, or, as the organisation's delegated administrator, by AWS Organizations), and its home
 * region aggregates the findings of every region, so one place shows every account's and region's findings, GuardDuty's
 * included.
 *
 * <p>Standards ARNs: Security Hub API reference, {@code DescribeStandards}, and the AWS provider's
 * {@code securityhub.StandardsSubscription} documentation (regional {@code standards/...} ARNs; read 2026-12-02).
 */
public final class SecurityHub extends ComponentResource {

    public static final String TYPE = "quest:governance:SecurityHub";

    /** The standards every account subscribes to, by the name suffix of their subscription and the path of their ARN. */
    public static final Map<String, String> STANDARDS = Map.of(
            "fsbp", "standards/aws-foundational-security-best-practices/v/1.0.0",
            "cis-v3", "standards/cis-aws-foundations-benchmark/v/3.0.0");

    public SecurityHub(String name, SecurityHubArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        List<Resource> enabled = new ArrayList<>();
        if (args.enableHub()) {
            enabled.add(new Account(name, AccountArgs.builder()
                    .enableDefaultStandards(false)
                    .controlFindingGenerator("SECURITY_CONTROL")
                    .autoEnableControls(true)
                    .build(), CustomResourceOptions.builder().parent(this).build()));
        }
        var afterHub = CustomResourceOptions.builder().parent(this).dependsOn(enabled).build();

        STANDARDS.keySet().stream().sorted().forEach(key -> new StandardsSubscription(name + "-" + key,
                StandardsSubscriptionArgs.builder().standardsArn(standardsArn(args.region(), key)).build(), afterHub));

        args.administratorId().ifPresent(administrator -> new InviteAccepter(name + "-accept", InviteAccepterArgs.builder()
                .masterId(administrator)
                .build(), afterHub));

        for (String member : args.memberAccountIds()) {
            // Invited (an account outside the organisation accepts); enabled directly as delegated administrator.
            new Member(name + "-member-" + member, MemberArgs.builder()
                    .accountId(member)
                    .invite(!args.organizationAdmin())
                    .build(), afterHub);
        }
        if (args.organizationAdmin()) {
            // Accounts joining the organisation later get Security Hub too; each stack subscribes its own standards.
            new OrganizationConfiguration(name + "-organization", OrganizationConfigurationArgs.builder()
                    .autoEnable(true)
                    .autoEnableStandards("NONE")
                    .build(), afterHub);
        }
        if (args.aggregateRegions()) {
            // Every region's findings (of this account and its members) also appear in this region.
            new FindingAggregator(name + "-aggregator", FindingAggregatorArgs.builder()
                    .linkingMode("ALL_REGIONS")
                    .build(), afterHub);
        }
        registerOutputs(Map.of());
    }

    /** The ARN of a standard of {@link #STANDARDS} in a region. */
    public static String standardsArn(String region, String key) {
        return Partition.of(region).arn("securityhub", region, "", STANDARDS.get(key));
    }
}
