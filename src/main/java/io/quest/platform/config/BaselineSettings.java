package io.quest.platform.config;

import io.quest.platform.governance.ConfigRuleCatalogue;
import io.quest.platform.governance.ManagedRule;
import io.quest.platform.identity.PasswordPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and validates {@code quest-platform:baseline} and {@code quest-platform:organization}. */
final class BaselineSettings {

    private BaselineSettings() {
    }

    static BaselineConfig read(Settings ns, String region) {
        return read(ns, region, List.of(region));
    }

    /** {@code defaultRegions}: where GuardDuty and Security Hub run unless {@code baseline.regions} says otherwise. */
    static BaselineConfig read(Settings ns, String region, List<String> defaultRegions) {
        Settings s = ns.object("baseline");
        PasswordPolicy policy = readPasswordPolicy(s.object("passwordPolicy"));
        Map<String, String> disabled = readDisabledRules(s);
        String homeRegion = s.string("homeRegion", region);
        if (s.has("homeRegion") && !Regions.exists(homeRegion)) {
            s.reject("homeRegion", homeRegion, "is not a region AWS runs; expected a region code such as eu-west-1 (see docs.aws.amazon.com/global-infrastructure/latest/regions)");
        }
        int retention = LogRetention.read(s, "trailRetentionDays", BaselineConfig.DEFAULT_TRAIL_RETENTION_DAYS);
        List<String> regions = readRegions(s, region, defaultRegions);
        s.rejectUnknown();

        Settings organization = ns.object("organization");
        boolean organizationTrail = organization.bool("trail", false);
        Optional<String> organizationId = organization.optionalString("id");
        if (organizationId.isPresent() && !organizationId.get().matches("o-[a-z0-9]{10,32}")) {
            organization.reject("id", organizationId.get(), "is not an AWS Organizations ID; expected o- and 10 to 32 lowercase letters or digits");
            organizationId = Optional.empty();
            organizationTrail = false;
        } else if (organizationTrail && organizationId.isEmpty()) {
            organization.problem("id", "is required with trail: true: the organisation's ID (o-...), under which the"
                    + " organisation trail writes in the log archive");
            organizationTrail = false;
        }
        boolean delegatedAdministrator = organization.bool("delegatedAdministrator", false);
        if (delegatedAdministrator && organizationId.isEmpty()) {
            organization.problem("delegatedAdministrator", "needs quest-platform:organization.id (o-...): the organisation whose"
                    + " delegated Security Hub administrator the shared account is");
            delegatedAdministrator = false;
        }
        organization.rejectUnknown();
        return new BaselineConfig(policy, disabled, homeRegion, retention, organizationTrail, organizationId, regions,
                delegatedAdministrator);
    }

    /** The stack's own region first, then the others, each a region AWS runs, none twice. */
    private static List<String> readRegions(Settings s, String region, List<String> defaultRegions) {
        List<String> given = s.strings("regions", defaultRegions);
        List<String> regions = new ArrayList<>();
        if (region.isEmpty()) {
            return regions; // aws:region is missing: reported there
        }
        regions.add(region);
        for (String r : given) {
            if (!Regions.exists(r)) {
                s.reject("regions", r, "is not a region AWS runs; expected region codes such as eu-west-1");
            } else if (!regions.contains(r)) {
                regions.add(r);
            }
        }
        if (s.has("regions") && !given.contains(region)) {
            s.reject("regions", given, "leaves out the stack's own region " + region
                    + "; expected a list that includes it, since the account's home-region services run there");
        }
        return regions;
    }

    private static PasswordPolicy readPasswordPolicy(Settings p) {
        int length = p.integer("minimumLength", PasswordPolicy.MIN_LENGTH);
        if (length < PasswordPolicy.MIN_LENGTH || length > PasswordPolicy.MAX_LENGTH) {
            p.reject("minimumLength", length, "is outside the baseline; expected " + PasswordPolicy.MIN_LENGTH
                    + " (the baseline) to " + PasswordPolicy.MAX_LENGTH + " (IAM's limit): a stack can only make passwords longer");
            length = PasswordPolicy.MIN_LENGTH;
        }
        int maxAge = p.integer("maxAgeDays", PasswordPolicy.MAX_AGE_DAYS);
        if (maxAge < 1 || maxAge > PasswordPolicy.MAX_AGE_DAYS) {
            p.reject("maxAgeDays", maxAge, "is outside the baseline; expected 1 to " + PasswordPolicy.MAX_AGE_DAYS
                    + " days: a stack can only make passwords expire sooner");
            maxAge = PasswordPolicy.MAX_AGE_DAYS;
        }
        p.rejectUnknown();
        return new PasswordPolicy(length, maxAge);
    }

    private static Map<String, String> readDisabledRules(Settings s) {
        Map<String, String> disabled = new LinkedHashMap<>();
        Settings rules = s.object("disabledRules");
        for (String identifier : rules.names()) {
            String reason = rules.optionalString(identifier).orElse("");
            if (ConfigRuleCatalogue.byIdentifier(identifier).isEmpty()) {
                rules.problem(identifier, "is not a managed rule of the baseline; expected one of "
                        + ConfigRuleCatalogue.all().stream().map(ManagedRule::identifier).sorted().collect(Collectors.joining(", ")));
            } else if (reason.isBlank()) {
                rules.problem(identifier, "has no reason; a rule is switched off only with a written reason, e.g. "
                        + identifier + ": \"why this account does not need it\"");
            } else {
                disabled.put(identifier, reason.trim());
            }
        }
        return disabled;
    }
}
