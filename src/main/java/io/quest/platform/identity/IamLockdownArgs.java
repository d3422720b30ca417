package io.quest.platform.identity;

import io.quest.platform.tags.Tags;

import java.util.Objects;

/**
 * What an {@link IamLockdown} applies to its account.
 *
 * @param accountId      the account locked down (the S3 account-level public access block names it)
 * @param passwordPolicy the account password policy
 * @param tags           the platform-wide tag layer
 */
public record IamLockdownArgs(String accountId, PasswordPolicy passwordPolicy, Tags tags) {

    public IamLockdownArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        Objects.requireNonNull(tags, "tags");
    }
}
