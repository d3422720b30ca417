package io.quest.platform.config;

import io.quest.platform.identity.PasswordPolicy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code quest-platform:baseline} and {@code quest-platform:organization}: the security baseline of an account.
 *
 * @param passwordPolicy     the account password policy; {@code passwordPolicy: {minimumLength, maxAgeDays}} can only make
 *                           it stricter. Defaults to 14 characters, 90 days, all character classes, 24 remembered
 * @param disabledRules      AWS Config managed rules switched off, by source identifier, each with the reason written in
 *                           config; the plan lists them. Defaults to none
 * @param homeRegion         the region that records global resources (IAM) and runs the account-wide rules.
 *                           Defaults to the stack's region
 * @param trailRetentionDays how long the trail's CloudWatch Logs copy is kept (the archive bucket keeps the originals).
 *                           Defaults to 365 days
 * @param organizationTrail  {@code organization.trail}: one organisation trail from the shared stack instead of a trail per
 *                           workload account; set it the same in every stack. Defaults to false
 * @param organizationId     {@code organization.id}: the AWS Organizations ID ({@code o-...}) the organisation trail writes
 *                           under in the log archive; required with {@code trail: true}
 * @param regions            {@code baseline.regions}: the regions where GuardDuty and Security Hub run in the account, the
 *                           stack's own first; every region of the shared stack's {@code allowedRegions}. Defaults to the
 *                           shared stack's {@code allowedRegions} there, and to the stack's own region elsewhere
 * @param delegatedAdministrator {@code organization.delegatedAdministrator}: the shared account is the organisation's
 *                           delegated Security Hub administrator and enables Security Hub in the member accounts, instead
 *                           of inviting them; requires {@code organization.id}; set it the same in every stack. Defaults to false
 */
public record BaselineConfig(
        PasswordPolicy passwordPolicy,
        Map<String, String> disabledRules,
        String homeRegion,
        int trailRetentionDays,
        boolean organizationTrail,
        Optional<String> organizationId,
        List<String> regions,
        boolean delegatedAdministrator) {

    /** The default retention of the trail's log group: a year, as CIS recommends for activity logs. */
    public static final int DEFAULT_TRAIL_RETENTION_DAYS = 365;

    public BaselineConfig {
        Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        Objects.requireNonNull(homeRegion, "homeRegion");
        disabledRules = Collections.unmodifiableMap(new LinkedHashMap<>(disabledRules));
        Objects.requireNonNull(organizationId, "organizationId");
        if (organizationTrail && organizationId.isEmpty()) {
            throw new IllegalArgumentException("an organisation trail needs the organisation's ID");
        }
        regions = List.copyOf(regions);
        if (delegatedAdministrator && organizationId.isEmpty()) {
            throw new IllegalArgumentException("a delegated administrator needs the organisation's ID");
        }
    }

    /** A baseline in the stack's region only, without delegated administration. */
    public BaselineConfig(PasswordPolicy passwordPolicy, Map<String, String> disabledRules, String homeRegion, int trailRetentionDays,
                          boolean organizationTrail, Optional<String> organizationId) {
        this(passwordPolicy, disabledRules, homeRegion, trailRetentionDays, organizationTrail, organizationId, List.of(homeRegion), false);
    }

    /** Whether a stack in {@code region} records global resources and runs the account-wide rules. */
    public boolean isHomeRegion(String region) {
        return homeRegion.equals(region);
    }
}
