package io.quest.platform.config;

import io.quest.platform.identity.AccessRole;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates {@code quest-platform:access} of the shared stack into an {@link AccessConfig}. */
final class AccessSettings {

    /**
     * A session length AWS accepts for a permission set: 1 to 12 hours ("Set session duration",
     * https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html, read 2026-12-02), which the
     * API takes as an ISO-8601 duration (CreatePermissionSet, SessionDuration). Whole hours only, as the console offers.
     */
    private static final Pattern SESSION = Pattern.compile("PT(\\d{1,2})H");

    /**
     * An Identity Store group's display name: 1 to 1,024 letters, marks, symbols, digits, punctuation, tab, line breaks,
     * space or no-break space (AWS::IdentityStore::Group DisplayName, pattern {@code ^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r  ]+$},
     * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-identitystore-group.html, read 2026-12-02).
     */
    private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00A0]+");
    static final int GROUP_NAME_LIMIT = 1024;

    private AccessSettings() {
    }

    static AccessConfig read(Settings ns, Map<String, String> accounts, String region) {
        Settings access = ns.object("access");
        boolean identityCenter = access.bool("identityCenter", true);
        String accessRegion = access.string("region", region);
        if (!accessRegion.isEmpty() && !Regions.exists(accessRegion)) {
            access.reject("region", accessRegion, "is not a region AWS runs; expected the region of the organisation's IAM Identity Center"
                    + " instance, such as eu-west-1");
        }
        Map<AccessRole, Integer> sessionHours = readSessions(access.object("sessionDurations"));
        Map<AccessRole, Map<String, List<String>>> groups = readGroups(access.object("groups"), accounts);
        if (!identityCenter) {
            for (String name : List.of("sessionDurations", "groups")) {
                if (access.has(name)) {
                    access.problem(name, "is set while quest-platform:access.identityCenter is false, so nothing would use it;"
                            + " remove it, or set identityCenter: true to manage people's access with IAM Identity Center");
                }
            }
        }
        access.rejectUnknown();
        return new AccessConfig(identityCenter, accessRegion, sessionHours, groups);
    }

    private static Map<AccessRole, Integer> readSessions(Settings durations) {
        Map<AccessRole, Integer> hours = new EnumMap<>(AccessRole.class);
        for (String name : durations.names()) {
            Optional<AccessRole> role = role(durations, name);
            Optional<String> value = durations.optionalString(name);
            if (role.isEmpty() || value.isEmpty()) {
                continue;
            }
            Matcher m = SESSION.matcher(value.get().trim());
            int h = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (h < AccessRole.MIN_SESSION_HOURS || h > AccessRole.MAX_SESSION_HOURS) {
                durations.reject(name, value.get(), "is not a session length AWS accepts for a permission set; expected an ISO-8601"
                        + " duration of whole hours from PT1H to PT12H, for example PT4H");
            } else {
                hours.put(role.get(), h);
            }
        }
        return hours;
    }

    private static Map<AccessRole, Map<String, List<String>>> readGroups(Settings groups, Map<String, String> accounts) {
        Map<AccessRole, Map<String, List<String>>> result = new EnumMap<>(AccessRole.class);
        for (String name : groups.names()) {
            Optional<AccessRole> role = role(groups, name);
            Settings byAccount = groups.object(name);
            if (role.isEmpty()) {
                continue;
            }
            Map<String, List<String>> assigned = new LinkedHashMap<>();
            for (String account : byAccount.names()) {
                List<String> names = byAccount.strings(account, List.of());
                if (!accounts.containsKey(account)) {
                    byAccount.reject(account, account, "is not an account of quest-platform:accounts; expected one of " + accounts.keySet());
                    continue;
                }
                boolean shared = account.equals(SharedConfig.SHARED);
                if (shared && !role.get().assignableToShared()) {
                    byAccount.reject(account, account, "cannot be given the " + name + " permission set: it is bounded by the deployer's"
                            + " permissions boundary, which exists only in the member accounts; expected a member account, or give"
                            + " the shared account's administrators the administrator permission set");
                    continue;
                }
                if (!shared && !role.get().assignableToMembers()) {
                    byAccount.reject(account, account, "cannot be given the break-glass permission set: the member accounts'"
                            + " break-glass roles trust its role in the shared account, so it is assigned there; expected shared");
                    continue;
                }
                if (names.isEmpty()) {
                    byAccount.problem(account, "names no group; expected at least one group display name, for example"
                            + " [platform-engineers], or remove the key");
                }
                Set<String> seen = new HashSet<>();
                for (String group : names) {
                    groupProblem(group).ifPresent(why -> byAccount.reject(account, group, why));
                    if (!seen.add(group)) {
                        byAccount.reject(account, group, "is listed twice; expected each group once");
                    }
                }
                assigned.put(account, names.stream().distinct().filter(g -> groupProblem(g).isEmpty()).toList());
            }
            result.put(role.get(), assigned);
        }
        return result;
    }

    /** Why a group display name is one the Identity Store cannot hold, if it is. */
    static Optional<String> groupProblem(String group) {
        if (group.isBlank()) {
            return Optional.of("is blank; expected the display name of a group in the Identity Store");
        }
        if (group.length() > GROUP_NAME_LIMIT) {
            return Optional.of("is " + group.length() + " characters; an Identity Store group's display name has at most " + GROUP_NAME_LIMIT);
        }
        if (!GROUP_NAME.matcher(group).matches()) {
            return Optional.of("is not an Identity Store group display name; expected letters, digits, punctuation, symbols and"
                    + " spaces (no control characters other than tab and line breaks)");
        }
        return Optional.empty();
    }

    private static Optional<AccessRole> role(Settings settings, String name) {
        Optional<AccessRole> role = ConfigValues.choice(name, AccessRole.class);
        if (role.isEmpty()) {
            settings.reject(name, name, "is not a permission set; expected one of " + ConfigValues.choices(AccessRole.class));
        }
        return role;
    }
}
