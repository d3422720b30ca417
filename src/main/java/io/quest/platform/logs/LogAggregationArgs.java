package io.quest.platform.logs;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import io.quest.platform.aws.Partition;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LogAggregation} is made of.
 *
 * @param accountId       the log archive (shared) account, which owns the stream and its destinations
 * @param partition       the partition of the stack's region, whose ARNs the policies name
 * @param region          the stream's region: the stack's own
 * @param memberAccounts  the workload accounts whose log groups may subscribe; nobody else may
 * @param regions         every region the members' log groups are in: a destination in each, since CloudWatch Logs
 *                        subscribes a log group only to a destination in its own region
 * @param otherProviders  a provider for each of {@code regions} other than {@code region}
 * @param bucketArn       the log archive bucket
 * @param keyArn          the log archive key, which encrypts every object the stream writes
 * @param search          the optional search collection the shipped logs are also indexed into
 * @param organizationId  the organisation the member accounts belong to, when configured: a further condition of
 *                        every destination's policy, never a wider grant
 * @param tags            the platform-wide tag layer
 */
public record LogAggregationArgs(
        String accountId,
        Partition partition,
        String region,
        List<String> memberAccounts,
        List<String> regions,
        Map<String, ProviderResource> otherProviders,
        Output<String> bucketArn,
        Output<String> keyArn,
        Optional<LogSearchSpec> search,
        Optional<String> organizationId,
        Tags tags) {

    public LogAggregationArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(region, "region");
        memberAccounts = List.copyOf(memberAccounts);
        regions = List.copyOf(regions);
        otherProviders = Collections.unmodifiableMap(new LinkedHashMap<>(otherProviders));
        Objects.requireNonNull(bucketArn, "bucketArn");
        Objects.requireNonNull(keyArn, "keyArn");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(tags, "tags");
        if (memberAccounts.isEmpty()) {
            throw new IllegalArgumentException("log aggregation needs at least one member account");
        }
        if (!regions.contains(region)) {
            throw new IllegalArgumentException("the stream's region " + region + " is not among the regions " + regions);
        }
        for (String other : regions) {
            if (!other.equals(region) && !otherProviders.containsKey(other)) {
                throw new IllegalArgumentException("no provider for region " + other);
            }
        }
    }
}
