package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.StackReference;
import io.quest.platform.config.NetworkConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.logs.LogShipping;
import io.quest.platform.logs.LogShippingArgs;
import io.quest.platform.logs.LogType;
import io.quest.platform.network.Network;
import io.quest.platform.network.NetworkArgs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workload account's stack: its network (own or referenced) and everything that runs on it. */
public final class EnvironmentStack {

    private EnvironmentStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        var shared = SharedOutputs.from(new StackReference(config.sharedStack().orElseThrow()));
        Provider provider = Providers.forEnvironment(config, shared);
        var inAccount = inAccount(provider, config, shared);

        // The account's service, flow-log and trail logs go to the log archive too (the shared stack's LogAggregation).
        Map<LogType, Output<String>> shipped = new EnumMap<>(LogType.class);
        NetworkOutputs network = config.network().fromStack()
                .map(stack -> NetworkOutputs.from(new StackReference(stack)))
                .orElseGet(() -> {
                    Network own = network(config, inAccount);
                    shipped.put(LogType.FLOW_LOGS, own.flowLogGroupName());
                    return NetworkOutputs.of(own);
                });
        network.export(ctx);
        Optional<MonitoringOutputs> monitoring = config.service().map(service -> {
            ServiceLayer.Composed composed = ServiceLayer.compose(config, service, shared, network, provider, inAccount);
            composed.outputs().export(ctx);
            composed.loadBalancer().export(ctx); // what review stacks route through
            shipped.put(LogType.SERVICE, composed.outputs().logGroupName());
            return MonitoringLayer.compose(config, service, composed, inAccount);
        });
        monitoring.ifPresent(m -> m.export(ctx));

        // The baseline's trail owns the CIS security alarms and notifies the environment's alert topic, so security
        // events reach on-call too; the monitoring has no second alarm on the same metrics.
        AccountBaseline.compose(config, shared, monitoring.map(MonitoringOutputs::alertTopicArn), List.of(), inAccount, region ->
                region.equals(config.region()) ? inAccount : inAccount(Providers.forEnvironmentIn(config, shared, region), config, shared))
                .ifPresent(trail -> shipped.put(LogType.TRAIL, trail));
        shipLogs(config, shared, shipped, inAccount);
    }

    /** Subscribes the stack's log groups to the log archive's destination in the stack's region. */
    static void shipLogs(PlatformConfig config, SharedOutputs shared, Map<LogType, Output<String>> logGroups,
                         ComponentResourceOptions inAccount) {
        if (!logGroups.isEmpty()) {
            boolean search = config.monitoring() != null && config.monitoring().logSearch();
            new LogShipping(config.environment() + "-log-shipping", new LogShippingArgs(config.environment(),
                    shared.logDestinationArn(config.region()), logGroups,
                    search ? Optional.of(shared.logSearchDestinationArn(config.region())) : Optional.empty()), inAccount);
        }
    }

    /**
     * Options for every component of an environment: its provider (acting as the deployer role the shared
     * stack made in this account), and every role created carries that account's permissions boundary.
     */
    static ComponentResourceOptions inAccount(Provider provider, PlatformConfig config, SharedOutputs shared) {
        return ComponentResourceOptions.builder()
                .providers(provider)
                .resourceTransformations(RoleBoundary.on(shared.permissionsBoundaryArn(config.environment())))
                .build();
    }

    /** The environment's own network, as configured. */
    static Network network(PlatformConfig config, ComponentResourceOptions options) {
        NetworkConfig net = config.network();
        Lifecycle logs = Lifecycle.auditLogs(config);
        return new Network(config.environment(), NetworkArgs.builder()
                .account(config.accountId(), config.region())
                .addresses(net.cidr(), net.availabilityZones())
                .egress(net.natGateways(), net.interfaceEndpoints())
                .flowLogs(net.flowLogRetentionDays(), logs.protect(), logs.retainOnDelete())
                .tags(config.tags())
                .build(), options);
    }
}
