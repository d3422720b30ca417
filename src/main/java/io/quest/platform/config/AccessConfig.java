package io.quest.platform.config;

import io.quest.platform.identity.AccessRole;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How people reach the platform's accounts: through the organisation's IAM Identity Center instance, with a
 * permission set per {@link AccessRole} assigned to Identity Store groups per account, or, with Identity Center off,
 * through whatever the organisation runs itself.
 *
 * @param identityCenter {@code quest-platform:access.identityCenter}: whether the shared stack creates the permission
 *                       sets and assignments in the organisation's Identity Center instance (which it reads, never
 *                       creates). Defaults to true
 * @param region         {@code quest-platform:access.region}: the instance's region. Defaults to the shared stack's region
 * @param sessionHours   {@code quest-platform:access.sessionDurations}: each permission set's session length, written
 *                       {@code PT1H} to {@code PT12H}. Defaults to each role's own ({@link AccessRole#defaultSessionHours})
 * @param groups         {@code quest-platform:access.groups}: per permission set, per account name of
 *                       {@code quest-platform:accounts}, the display names of the Identity Store groups assigned it.
 *                       Defaults to none
 */
public record AccessConfig(boolean identityCenter, String region, Map<AccessRole, Integer> sessionHours,
                           Map<AccessRole, Map<String, List<String>>> groups) {

    public AccessConfig {
        Objects.requireNonNull(region, "region");
        sessionHours = sessionHours.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(sessionHours));
        Map<AccessRole, Map<String, List<String>>> copy = new EnumMap<>(AccessRole.class);
        groups.forEach((role, byAccount) -> {
            Map<String, List<String>> accounts = new LinkedHashMap<>();
            byAccount.forEach((account, names) -> accounts.put(account, List.copyOf(names)));
            copy.put(role, Collections.unmodifiableMap(accounts));
        });
        groups = copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
    }

    /** Identity Center on in the shared stack's region, default session lengths, no assignments. */
    public static AccessConfig defaults(String region) {
        return new AccessConfig(true, region, Map.of(), Map.of());
    }
}
