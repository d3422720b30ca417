package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import com.pulumi.resources.Resource;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Arguments of {@link IdentityCenterAccess}.
 *
 * @param partition      the shared account's partition
 * @param memberAccounts the member accounts by environment, whose break-glass roles the break-glass set may assume
 * @param sessionHours   each permission set's session length in hours (1 to 12); a role not named takes its default
 * @param assignments    the groups given each permission set in each account
 * @param prerequisites  by account ID, what must exist there before a permission set is assigned in it (the
 *                       deployer's boundary policy, which the deployer-equivalent set references by name)
 * @param tags           the platform-wide tag layer
 */
public record IdentityCenterAccessArgs(
        Partition partition,
        Map<String, String> memberAccounts,
        Map<AccessRole, Integer> sessionHours,
        List<GroupAssignment> assignments,
        Map<String, List<Resource>> prerequisites,
        Tags tags) {

    public IdentityCenterAccessArgs {
        Objects.requireNonNull(partition, "partition");
        memberAccounts = Collections.unmodifiableMap(new LinkedHashMap<>(memberAccounts));
        sessionHours = sessionHours.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(sessionHours));
        assignments = List.copyOf(assignments);
        prerequisites = Map.copyOf(prerequisites);
        Objects.requireNonNull(tags, "tags");
        sessionHours.values().forEach(AccessRole::isoDuration);
        for (GroupAssignment a : assignments) {
            boolean shared = !memberAccounts.containsValue(a.accountId());
            if (shared ? !a.role().assignableToShared() : !a.role().assignableToMembers()) {
                throw new IllegalArgumentException("the " + a.role().configValue() + " permission set cannot be assigned in account "
                        + a.accountName());
            }
        }
        long distinct = assignments.stream().map(GroupAssignment::key).distinct().count();
        if (distinct != assignments.size()) {
            throw new IllegalArgumentException("a group is assigned the same permission set in the same account twice");
        }
    }

    /** A permission set's session length in hours. */
    public int sessionHours(AccessRole role) {
        return sessionHours.getOrDefault(role, role.defaultSessionHours());
    }
}
