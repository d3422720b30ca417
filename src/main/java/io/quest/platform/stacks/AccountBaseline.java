package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.quest.platform.config.BaselineConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.governance.AuditTrail;
import io.quest.platform.governance.AuditTrailArgs;
import io.quest.platform.governance.ConfigRecorder;
import io.quest.platform.governance.ConfigRecorderArgs;
import io.quest.platform.governance.ConfigRuleCatalogue;
import io.quest.platform.governance.ConfigRules;
import io.quest.platform.governance.ConfigRulesArgs;
import io.quest.platform.governance.SecurityMetric;
import io.quest.platform.identity.IamLockdown;
import io.quest.platform.identity.IamLockdownArgs;

import java.util.List;
import java.util.Optional;

/**
 * The security baseline of a workload account: IAM lockdown, AWS Config recording into the shared log
 * archive with the catalogue's managed rules and the shared account's aggregator authorised, and the
 * account's CloudTrail trail with its CIS metric filters and alarms (unless the shared stack runs one
 * organisation trail).
 *
 * @param trail the account's trail; empty when the organisation trail covers the account
 */
record AccountBaseline(Optional<AuditTrail> trail) {

    /** Registers the baseline of the account a stack deploys into. */
    static AccountBaseline compose(PlatformConfig config, SharedOutputs shared, Optional<Output<String>> alarmTopicArn,
                                   ComponentResourceOptions inAccount) {
        String env = config.environment();
        BaselineConfig baseline = config.baseline();
        boolean homeRegion = baseline.isHomeRegion(config.region());

        new IamLockdown(env, new IamLockdownArgs(config.accountId(), baseline.passwordPolicy(), config.tags()), inAccount);

        var recorder = new ConfigRecorder(env + "-config", new ConfigRecorderArgs(
                config.accountId(),
                homeRegion,
                shared.logArchiveBucket(),
                shared.logArchiveBucketArn(),
                shared.logArchiveKeyArn(),
                config.tags()), inAccount);

        new ConfigRules(env + "-config-rules", new ConfigRulesArgs(
                ConfigRuleCatalogue.forStack(baseline.passwordPolicy(), baseline.disabledRules().keySet(), homeRegion),
                shared.sharedAccountId(),
                shared.sharedRegion(),
                recorder.running(),
                config.tags()), inAccount);

        if (baseline.organizationTrail()) {
            return new AccountBaseline(Optional.empty());
        }
        return new AccountBaseline(Optional.of(new AuditTrail(env + "-trail", new AuditTrailArgs(
                config.accountId(),
                false,
                shared.logArchiveBucket(),
                shared.logArchiveKeyArn(),
                baseline.trailRetentionDays(),
                Optional.empty(),
                alarmTopicArn,
                config.tags()), inAccount)));
    }

    /** The metrics the account's CIS metric filters publish; none when the organisation trail covers the account. */
    List<SecurityMetric> securityMetrics() {
        return trail.map(AuditTrail::securityMetrics).orElse(List.of());
    }
}
