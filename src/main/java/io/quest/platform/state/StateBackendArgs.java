package io.quest.platform.state;

import io.quest.platform.tags.Tags;

import java.util.Objects;

/**
 * Arguments of a {@link StateBackend}.
 *
 * @param accountId             the account the buckets and the key live in (the shared account)
 * @param region                their region, which every stack's secrets provider names
 * @param objects               the Pulumi project whose stacks keep their state in the bucket
 * @param readers               the CI roles that use the state, and what each environment reads
 * @param noncurrentVersionDays days a replaced or deleted state version is kept
 * @param accessLogDays         days the state bucket's server access logs are kept
 * @param protect               whether Pulumi refuses to delete the buckets and the key
 * @param retainOnDelete        whether they stay in AWS when removed from the program
 * @param tags                  the platform-wide tag layer
 */
public record StateBackendArgs(
        String accountId,
        String region,
        StateObjects objects,
        StateReaders readers,
        int noncurrentVersionDays,
        int accessLogDays,
        boolean protect,
        boolean retainOnDelete,
        Tags tags) {

    public StateBackendArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(readers, "readers");
        Objects.requireNonNull(tags, "tags");
        if (noncurrentVersionDays < 1 || accessLogDays < 1) {
            throw new IllegalArgumentException("state lifecycle days must be at least 1: noncurrentVersionDays "
                    + noncurrentVersionDays + ", accessLogDays " + accessLogDays);
        }
    }
}
