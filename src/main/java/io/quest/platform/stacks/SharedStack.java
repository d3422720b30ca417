package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ProviderResource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.SharedConfig;
import io.quest.platform.governance.AuditTrail;
import io.quest.platform.governance.AuditTrailArgs;
import io.quest.platform.governance.ConfigAggregator;
import io.quest.platform.governance.ConfigAggregatorArgs;
import io.quest.platform.governance.LogArchive;
import io.quest.platform.governance.LogArchiveArgs;
import io.quest.platform.identity.CiIdentity;
import io.quest.platform.identity.CiIdentityArgs;
import io.quest.platform.identity.ReviewRoles;
import io.quest.platform.identity.ReviewRolesArgs;
import io.quest.platform.identity.CrossAccountRoles;
import io.quest.platform.identity.ImagePushRoles;
import io.quest.platform.identity.ImagePushRolesArgs;
import io.quest.platform.identity.CrossAccountRolesArgs;
import io.quest.platform.identity.PlatformRole;
import io.quest.platform.logs.LogAggregation;
import io.quest.platform.logs.LogAggregationArgs;
import io.quest.platform.logs.LogArchiveTable;
import io.quest.platform.logs.LogArchiveTableArgs;
import io.quest.platform.service.Registry;
import io.quest.platform.service.RegistryArgs;
import io.quest.platform.state.StateBackend;
import io.quest.platform.state.StateBackendArgs;
import io.quest.platform.state.StateObjects;
import io.quest.platform.state.StateReaders;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The shared-services stack: the CI identity and shared storage in the shared account, its account baseline
 * ({@link AccountBaseline}, as in every workload account), and the cross-account roles in every member account,
 * each created through a provider of its own that assumes the bootstrap role there.
 */
public final class SharedStack {

    private SharedStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        SharedConfig shared = config.shared();
        var inAccount = ComponentResourceOptions.builder().providers(Providers.forStack(config)).build();

        var ci = new CiIdentity("ci", new CiIdentityArgs(shared.ciRepository(), config.partition(), shared.members(), config.tags()), inAccount);

        Map<String, CrossAccountRoles> roles = new LinkedHashMap<>();
        Map<String, com.pulumi.aws.Provider> memberProviders = new LinkedHashMap<>();
        shared.members().forEach((env, account) -> memberProviders.put(env, Providers.forMember(config, env, account)));
        shared.members().forEach((env, account) -> roles.put(env, new CrossAccountRoles(env, new CrossAccountRolesArgs(
                account,
                config.accountId(),
                config.partition(),
                ci.deployRoleArns().get(env),
                ci.previewRoleArn(),
                shared.allowedRegions(),
                shared.bootstrapRole(),
                config.tags(),
                shared.access().identityCenter() ? Optional.of(shared.access().region()) : Optional.empty()), ComponentResourceOptions.builder().providers(memberProviders.get(env)).build())));
        // Review environments (pr-<n>) deploy through roles of their own, never through the environment's deployer.
        Optional<ReviewRoles> review = shared.state().reviewStacks().map(env -> new ReviewRoles("review", new ReviewRolesArgs(
                ci.githubProviderArn(), shared.ciRepository(), env, shared.members().get(env), config.partition(), config.tags()),
                roles.get(env).boundaryArn(), memberProviders.get(env), inAccount));

        // The archive holds the audit trail of every account: protected and retained in every stack.
        var logArchive = new LogArchive("log-archive", new LogArchiveArgs(
                config.accountId(),
                config.region(),
                shared.accountIds(),
                shared.logTransitionDays(),
                shared.logExpirationDays(),
                true,
                true,
                config.tags(),
                config.baseline().organizationTrail() ? config.baseline().organizationId() : Optional.empty()), inAccount);

        // The member accounts' service, flow-log and trail logs, streamed into the archive (docs/monitoring.md).
        Map<String, Provider> regionProviders = new HashMap<>();
        Function<String, Provider> inRegion = region -> regionProviders.computeIfAbsent(region, r -> Providers.forStackIn(config, r));
        List<String> logRegions = new java.util.ArrayList<>(List.of(config.region()));
        shared.allowedRegions().stream().filter(r -> !logRegions.contains(r)).forEach(logRegions::add);
        Map<String, ProviderResource> otherRegions = new LinkedHashMap<>();
        logRegions.stream().skip(1).forEach(r -> otherRegions.put(r, inRegion.apply(r)));
        // A platform without member accounts has nothing to ship.
        Optional<LogAggregation> logAggregation = shared.members().isEmpty() ? Optional.empty()
                : Optional.of(new LogAggregation("log-aggregation", new LogAggregationArgs(
                config.accountId(),
                config.partition(),
                config.region(),
                List.copyOf(shared.members().values()),
                logRegions,
                otherRegions,
                logArchive.bucketArn(),
                logArchive.keyArn(),
                shared.logSearch(),
                config.baseline().organizationId(),
                config.tags()), inAccount));
        Output<Map<String, String>> logDestinationArns = logAggregation.map(LogAggregation::destinationArns).orElse(Output.of(Map.of()));
        Output<Map<String, String>> logSearchDestinationArns = logAggregation.map(LogAggregation::searchDestinationArns)
                .orElse(Output.of(Map.of()));
        // The archive's logs as an Athena table (quest_log_archive.logs), its partitions projected: no DDL to run.
        if (!shared.members().isEmpty()) {
            new LogArchiveTable("log-archive-table", new LogArchiveTableArgs(config.accountId(), logArchive.bucketName(),
                    logArchive.keyArn(), shared.members(), config.tags()), inAccount);
        }

        // Every stack's state and secrets key: protected and retained in every stack, like the log archive.
        var state = new StateBackend("state", new StateBackendArgs(
                config.accountId(),
                config.region(),
                new StateObjects(config.stack().project()),
                new StateReaders(config.stack().stack(), ci.previewRoleArn(), ci.deployRoleArns(), shared.state().reads(),
                        java.util.Set.copyOf(shared.state().dataStacks()), review.map(ReviewRoles::ciRoleArn),
                        shared.state().reviewStacks()),
                shared.state().noncurrentVersionDays(),
                shared.state().accessLogDays(),
                true,
                true,
                config.tags()), inAccount);

        var registry = new Registry("registry", new RegistryArgs(
                shared.registryName(),
                config.accountId(),
                config.partition(),
                List.copyOf(shared.members().values()),
                shared.keepImages(),
                config.production(),
                config.production(),
                config.tags()), inAccount);

        // Application repositories push release images through roles of their own, trusted only for their releases.
        new ImagePushRoles("image-push", new ImagePushRolesArgs(ci.githubProviderArn(), registry.repositoryArn(),
                shared.images().pushFrom(), shared.images().scanWaivers(), config.tags()), inAccount);

        // Every account's AWS Config data in one place; each workload account authorises this aggregator.
        new ConfigAggregator("config-aggregator", new ConfigAggregatorArgs(
                shared.accountIds(), shared.allowedRegions(), config.tags()), inAccount);

        if (config.baseline().organizationTrail()) {
            // One trail for every account of the organisation, instead of a trail in each workload account.
            Lifecycle logs = Lifecycle.auditLogs(config);
            new AuditTrail("organization-trail", new AuditTrailArgs(
                    config.accountId(),
                    config.region(),
                    true,
                    logArchive.bucketName(),
                    logArchive.keyArn(),
                    config.baseline().trailRetentionDays(),
                    Optional.empty(),
                    shared.members().values().stream().map(account -> PlatformRole.BREAK_GLASS.arn(config.partition(), account)).toList(),
                    List.of(logArchive.bucketArn(), state.bucketArn()),
                    logs.protect(),
                    logs.retainOnDelete(),
                    config.tags()), inAccount);
        }

        // People: permission sets in the organisation's IAM Identity Center instance, assigned to its groups per account.
        Output<Map<String, String>> identityCenter = AccessLayer.compose(config, roles);

        var outputs = new SharedOutputs(
                Output.of(config.accountId()),
                logArchive.bucketName(),
                logArchive.bucketArn(),
                logArchive.keyArn(),
                state.bucketName(),
                state.keyArn(),
                registry.repositoryUrl(),
                registry.repositoryArn(),
                Output.of(config.region()),
                ci.previewRoleArn(),
                byEnvironment(ci.deployRoleArns()),
                byEnvironment(map(roles, CrossAccountRoles::deployerRoleArn)),
                byEnvironment(map(roles, CrossAccountRoles::previewerRoleArn)),
                byEnvironment(map(roles, CrossAccountRoles::boundaryArn)),
                identityCenter,
                logDestinationArns,
                logSearchDestinationArns);
        outputs.export(ctx);

        // The shared account holds the CI identity, the log archive and the keys: it runs the same baseline as every
        // workload account (password policy, Access Analyzer, account-wide S3 public access block, EBS encryption,
        // AWS Config with its rules, and its trail unless the organisation trail above covers it).
        // Its trail records the S3 data events of the log archive and the state bucket, which live in this account.
        AccountBaseline.compose(config, outputs, Optional.empty(), List.of(logArchive.bucketArn(), state.bucketArn()), inAccount,
                region -> region.equals(config.region()) ? inAccount : ComponentResourceOptions.builder().providers(inRegion.apply(region)).build());
    }

    private static Map<String, Output<String>> map(Map<String, CrossAccountRoles> roles,
                                                   Function<CrossAccountRoles, Output<String>> attribute) {
        Map<String, Output<String>> result = new LinkedHashMap<>();
        roles.forEach((env, r) -> result.put(env, attribute.apply(r)));
        return result;
    }

    /** One output holding a map of environment name to value. */
    private static Output<Map<String, String>> byEnvironment(Map<String, Output<String>> values) {
        List<String> names = List.copyOf(values.keySet());
        return Output.all(names.stream().map(values::get).toList()).applyValue(list -> {
            Map<String, String> result = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                result.put(names.get(i), list.get(i));
            }
            return result;
        });
    }
}
