package io.quest.platform.governance;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SecurityHub} sets up in one account and region.
 *
 * @param region             the region (its provider's); the standards' ARNs are regional
 * @param enableHub          whether this stack enables Security Hub in the account; false for a member account whose
 *                           delegated administrator (the shared account) enables it
 * @param administratorId    a member account's Security Hub administrator, whose invitation it accepts; empty for the
 *                           administrator itself and for organisation members (AWS Organizations links them)
 * @param memberAccountIds   the administrator's member accounts, invited (or, as delegated administrator, enabled) in
 *                           this region; empty for a member account
 * @param organizationAdmin  whether this account is the organisation's delegated Security Hub administrator
 * @param aggregateRegions   whether this is the administrator's home region, where a finding aggregator links every
 *                           region's findings
 */
public record SecurityHubArgs(
        String region,
        boolean enableHub,
        Optional<Output<String>> administratorId,
        List<String> memberAccountIds,
        boolean organizationAdmin,
        boolean aggregateRegions) {

    public SecurityHubArgs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(administratorId, "administratorId");
        memberAccountIds = List.copyOf(memberAccountIds);
        if (administratorId.isPresent() && !memberAccountIds.isEmpty()) {
            throw new IllegalArgumentException("an account is either a Security Hub administrator or a member, not both");
        }
        if (!enableHub && !memberAccountIds.isEmpty()) {
            throw new IllegalArgumentException("the Security Hub administrator enables Security Hub in its own account");
        }
    }
}
