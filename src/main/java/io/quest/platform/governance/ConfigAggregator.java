package io.quest.platform.governance;

import com.pulumi.aws.cfg.ConfigurationAggregator;
import com.pulumi.aws.cfg.ConfigurationAggregatorArgs;
import com.pulumi.aws.cfg.inputs.ConfigurationAggregatorAccountAggregationSourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * One view of every account's AWS Config data in the shared (security) account: a configuration
 * aggregator over the platform's accounts and regions. Each workload account authorises it
 * ({@link ConfigRules}), so it works without AWS Organizations.
 */
public final class ConfigAggregator extends ComponentResource {

    public static final String TYPE = "quest:governance:ConfigAggregator";

    private final Output<String> aggregatorArn;

    public ConfigAggregator(String name, ConfigAggregatorArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var aggregator = new ConfigurationAggregator(name, ConfigurationAggregatorArgs.builder()
                .name(name)
                .accountAggregationSource(ConfigurationAggregatorAccountAggregationSourceArgs.builder()
                        .accountIds(args.accountIds())
                        .regions(args.regions())
                        .build())
                .tags(args.tags().named(name))
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.aggregatorArn = aggregator.arn();
        registerOutputs(Map.of("aggregatorArn", aggregatorArn));
    }

    public Output<String> aggregatorArn() {
        return aggregatorArn;
    }
}
