package io.quest.platform.logs;

import com.pulumi.aws.cloudwatch.LogSubscriptionFilter;
import com.pulumi.aws.cloudwatch.LogSubscriptionFilterArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * A workload account's logs on their way to the log archive: one CloudWatch Logs subscription filter per log group,
 * every event (an empty pattern), to the shared account's destination in this region. No role: a cross-account
 * destination delivers with the role of the account that owns it, and its policy decides who may subscribe (CloudWatch
 * Logs User Guide, "Cross-account cross-Region subscriptions using Firehose", read 2026-12-02). The filter's name,
 * {@code quest-archive.<environment>.<type>}, travels with every batch ({@code subscriptionFilters}), which is how the
 * archive partitions by environment and kind; {@code .} cannot occur in an environment's name.
 */
public final class LogShipping extends ComponentResource {

    public static final String TYPE = "quest:logs:LogShipping";
    /** The first part of every shipping filter's name. */
    public static final String FILTER_PREFIX = "quest-archive";

    public LogShipping(String name, LogShippingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        args.logGroups().forEach((type, logGroup) -> new LogSubscriptionFilter(name + "-" + type.key(), LogSubscriptionFilterArgs.builder()
                .name(filterName(args.environment(), type))
                .logGroup(logGroup)
                .filterPattern("")
                .destinationArn(args.destinationArn())
                .build(), child));
        registerOutputs(Map.of());
    }

    /** {@code quest-archive.dev.service}: what the archive's partitioning reads back. */
    public static String filterName(String environment, LogType type) {
        return FILTER_PREFIX + "." + environment + "." + type.key();
    }
}
