package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.quest.platform.config.BaselineConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackRole;
import io.quest.platform.governance.AuditTrail;
import io.quest.platform.governance.AuditTrailArgs;
import io.quest.platform.governance.ConfigRecorder;
import io.quest.platform.governance.ConfigRecorderArgs;
import io.quest.platform.governance.ConfigRuleCatalogue;
import io.quest.platform.governance.ConfigRules;
import io.quest.platform.governance.ConfigRulesArgs;
import io.quest.platform.identity.IamLockdown;
import io.quest.platform.identity.IamLockdownArgs;
import io.quest.platform.identity.PlatformRole;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The security baseline of every account, the shared (security) account included: IAM lockdown, AWS Config
 * recording into the shared log archive with the catalogue's managed rules and the shared account's aggregator
 * authorised, and the account's CloudTrail trail with its CIS metric filters and alarms (unless the shared stack
 * runs one organisation trail, which covers every account, its own included). The shared stack and every
 * environment stack apply this one composition to their own account, through their own provider, so no account
 * has a baseline another lacks. The trail also alarms on every use of a break-glass role: a workload account's
 * trail on its own break-glass role, the shared account's (where people assume them from) on every member
 * account's. The trail's CIS alarms are the platform's only alarms on CloudTrail security metrics; they notify
 * the environment's alert topic when there is one. GuardDuty and Security
 * Hub run in every allowed region of the account ({@link SecurityServices}).
 *
 * <p>The components keep the names and parents they were first deployed with (the stack is their parent), so an
 * account that already runs the baseline keeps every resource: the engine matches state by URN.
 */
final class AccountBaseline {

    private AccountBaseline() {
    }

    /**
     * Registers the baseline of the account a stack deploys into, its resources named after the stack's environment
     * ({@code shared}, {@code dev}, ...). {@code shared} gives the log archive and the aggregator's account and region:
     * the shared stack passes its own outputs, an environment stack what it reads from the shared stack.
     * {@code dataEventBuckets} are the account's buckets whose S3 data events its trail records (the shared account's
     * log archive and state bucket; none in a workload account). Returns the log group of the account's trail, when the
     * account has a trail of its own.
     */
    static Optional<Output<String>> compose(PlatformConfig config, SharedOutputs shared, Optional<Output<String>> alarmTopicArn,
                                           List<Output<String>> dataEventBuckets,
                                           ComponentResourceOptions inAccount, Function<String, ComponentResourceOptions> inRegion) {
        String env = config.environment();
        BaselineConfig baseline = config.baseline();
        boolean homeRegion = baseline.isHomeRegion(config.region());

        new IamLockdown(env, new IamLockdownArgs(config.accountId(), baseline.passwordPolicy(), config.tags()), inAccount);

        var recorder = new ConfigRecorder(env + "-config", new ConfigRecorderArgs(
                config.accountId(),
                config.partition(),
                homeRegion,
                shared.logArchiveBucket(),
                shared.logArchiveKeyArn(),
                config.tags()), inAccount);

        new ConfigRules(env + "-config-rules", new ConfigRulesArgs(
                ConfigRuleCatalogue.forStack(baseline.passwordPolicy(), baseline.disabledRules().keySet(), homeRegion),
                shared.sharedAccountId(),
                shared.sharedRegion(),
                recorder.running(),
                config.tags()), inAccount);

        Optional<Output<String>> trailLogGroup = Optional.empty();
        if (!baseline.organizationTrail()) {
            Lifecycle logs = Lifecycle.auditLogs(config);
            var trail = new AuditTrail(env + "-trail", new AuditTrailArgs(
                    config.accountId(),
                    config.region(),
                    false,
                    shared.logArchiveBucket(),
                    shared.logArchiveKeyArn(),
                    baseline.trailRetentionDays(),
                    alarmTopicArn,
                    breakGlassRoles(config),
                    dataEventBuckets,
                    logs.protect(),
                    logs.retainOnDelete(),
                    config.tags()), inAccount);
            trailLogGroup = Optional.of(trail.logGroupName());
        }

        SecurityServices.compose(config, shared, alarmTopicArn, inRegion);
        return trailLogGroup;
    }

    /**
     * The break-glass roles whose use the account's trail alarms on: a member account's own; in the shared account,
     * every member account's, whose {@code AssumeRole} CloudTrail records there too, in the caller's account.
     */
    static List<String> breakGlassRoles(PlatformConfig config) {
        if (config.role() == StackRole.SHARED) {
            return config.shared().members().values().stream().map(account -> PlatformRole.BREAK_GLASS.arn(config.partition(), account)).toList();
        }
        return List.of(PlatformRole.BREAK_GLASS.arn(config.partition(), config.accountId()));
    }
}
