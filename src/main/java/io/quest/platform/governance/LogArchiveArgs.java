package io.quest.platform.governance;

import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of a {@link LogArchive}.
 *
 * @param accountId         the account the archive lives in (the shared account)
 * @param region            the archive's region
 * @param sourceAccounts    the accounts whose CloudTrail and AWS Config may deliver into the archive
 * @param transitionDays    age at which log objects move to Glacier Instant Retrieval
 * @param expirationDays    age at which log objects are deleted; after {@code transitionDays}
 * @param protect           whether Pulumi refuses to delete the bucket and its key
 * @param retainOnDelete    whether the bucket and key stay in AWS when removed from the program
 * @param tags              the platform-wide tag layer
 * @param organizationId    the AWS Organizations ID whose organisation trail (owned by {@code accountId}) writes into the
 *                          archive under {@code AWSLogs/<organization>/}; empty when each account runs its own trail
 */
public record LogArchiveArgs(
        String accountId,
        String region,
        List<String> sourceAccounts,
        int transitionDays,
        int expirationDays,
        boolean protect,
        boolean retainOnDelete,
        Tags tags,
        Optional<String> organizationId) {

    public LogArchiveArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(organizationId, "organizationId");
        sourceAccounts = List.copyOf(sourceAccounts);
        if (sourceAccounts.isEmpty()) {
            throw new IllegalArgumentException("a log archive needs at least one source account");
        }
        if (transitionDays < 1 || expirationDays <= transitionDays) {
            throw new IllegalArgumentException("log archive lifecycle: transition after " + transitionDays
                    + " days must come before expiry after " + expirationDays + " days");
        }
    }

    /** An archive for accounts that each run their own trail. */
    public LogArchiveArgs(String accountId, String region, List<String> sourceAccounts, int transitionDays, int expirationDays,
                          boolean protect, boolean retainOnDelete, Tags tags) {
        this(accountId, region, sourceAccounts, transitionDays, expirationDays, protect, retainOnDelete, tags, Optional.empty());
    }
}
