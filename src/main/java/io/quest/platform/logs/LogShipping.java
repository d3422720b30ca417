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
 * archive partitions by environment and kind; {@code .} cannot occur in an environment's name. With the log search on
 * ({@code monitoring.logSearch}), a second filter per log group, {@code quest-search.<environment>.<type>}, sends the same
 * events to the search's destination.
 */
public final class LogShipping extends ComponentResource {

    public static final String TYPE = "quest:logs:LogShipping";
    /** The first part of every shipping filter's name. */
    public static final String FILTER_PREFIX = "quest-archive";
    /** The first part of every search filter's name. */
    public static final String SEARCH_FILTER_PREFIX = "quest-search";

    public LogShipping(String name, LogShippingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        args.logGroups().forEach((type, logGroup) -> {
            new LogSubscriptionFilter(name + "-" + type.key(), LogSubscriptionFilterArgs.builder()
                    .name(filterName(args.environment(), type))
                    .logGroup(logGroup)
                    .filterPattern("")
                    .destinationArn(args.destinationArn())
                    .build(), child);
            // A log group takes two subscription filters at most: this one and the archive's.
            args.searchDestinationArn().ifPresent(search -> new LogSubscriptionFilter(name + "-search-" + type.key(),
                    LogSubscriptionFilterArgs.builder()
                            .name(SEARCH_FILTER_PREFIX + "." + args.environment() + "." + type.key())
                            .logGroup(logGroup)
                            .filterPattern("")
                            .destinationArn(search)
                            .build(), child));
        });
        registerOutputs(Map.of());
    }

    /** {@code quest-archive.dev.service}: what the archive's partitioning reads back. */
    public static String filterName(String environment, LogType type) {
        return FILTER_PREFIX + "." + environment + "." + type.key();
    }
}
