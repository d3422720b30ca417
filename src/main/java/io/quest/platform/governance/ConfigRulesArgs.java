package io.quest.platform.governance;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ConfigRules} deploys.
 *
 * @param rules               the managed rules, from {@link ConfigRuleCatalogue#forStack}
 * @param aggregatorAccountId the account whose configuration aggregator may collect this account's data (the shared account)
 * @param aggregatorRegion    the region of that aggregator
 * @param recorder            the resource after which the recorder runs; AWS refuses a rule while no recorder exists
 * @param tags                the platform-wide tag layer
 */
public record ConfigRulesArgs(
        List<ManagedRule> rules,
        Output<String> aggregatorAccountId,
        Output<String> aggregatorRegion,
        Resource recorder,
        Tags tags) {

    public ConfigRulesArgs {
        rules = List.copyOf(rules);
        Objects.requireNonNull(aggregatorAccountId, "aggregatorAccountId");
        Objects.requireNonNull(aggregatorRegion, "aggregatorRegion");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(tags, "tags");
        if (rules.stream().map(ManagedRule::name).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("a managed rule appears twice");
        }
    }
}
