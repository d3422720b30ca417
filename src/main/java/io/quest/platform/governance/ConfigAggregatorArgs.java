package io.quest.platform.governance;

import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ConfigAggregator} collects.
 *
 * @param accountIds the platform's accounts, each of which authorises the aggregator
 * @param regions    the regions the platform deploys to
 * @param tags       the platform-wide tag layer
 */
public record ConfigAggregatorArgs(List<String> accountIds, List<String> regions, Tags tags) {

    public ConfigAggregatorArgs {
        accountIds = List.copyOf(accountIds);
        regions = List.copyOf(regions);
        Objects.requireNonNull(tags, "tags");
        if (accountIds.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("an aggregator needs at least one account and one region");
        }
        for (String account : accountIds) {
            if (!account.matches("\\d{12}")) {
                throw new IllegalArgumentException(account + " is not an AWS account ID");
            }
        }
    }
}
