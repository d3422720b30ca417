package io.quest.platform.plan;

import io.quest.platform.config.ImageSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.ServiceConfig;
import io.quest.platform.network.Ipv4Cidr;
import io.quest.platform.state.ReviewGrant;
import io.quest.platform.state.StateGrants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that only make sense across stacks: no two VPCs of the platform may overlap, because they will
 * be peered or joined to a transit gateway; every environment deploys into the account, and a region,
 * its shared stack made a deployer role for; the stacks agree on whether the organisation trail
 * replaces the accounts' own trails; and a stack that promotes another's image promotes one that exists.
 */
final class PlatformChecks {

    private PlatformChecks() {
    }

    /**
     * Every problem between stacks. Configs may be partial (read despite problems of their own), so a
     * stack's own mistake never hides a conflict with another stack.
     */
    static List<String> problems(Map<String, PlatformConfig> configs) {
        List<String> problems = new ArrayList<>();
        List<Map.Entry<String, PlatformConfig>> withVpc = configs.entrySet().stream()
                .filter(e -> e.getValue().network() != null && e.getValue().network().builtHere()
                        && e.getValue().network().cidr() != null)
                .toList();
        for (int i = 0; i < withVpc.size(); i++) {
            for (int j = i + 1; j < withVpc.size(); j++) {
                Ipv4Cidr a = withVpc.get(i).getValue().network().cidr();
                Ipv4Cidr b = withVpc.get(j).getValue().network().cidr();
                if (a.overlaps(b)) {
                    problems.add("quest-platform:network.cidr: \"" + b + "\" of stack " + withVpc.get(j).getKey()
                            + " overlaps \"" + a + "\" of stack " + withVpc.get(i).getKey()
                            + "; the platform's VPCs are joined together, so each needs a range of its own");
                }
            }
        }
        problems.addAll(accountProblems(configs));
        organizationTrail(configs, problems);
        securityServices(configs, problems);
        problems.addAll(promotionProblems(configs));
        problems.addAll(dataStackProblems(configs));
        problems.addAll(reviewStackProblems(configs));
        problems.addAll(logSearchProblems(configs));
        return problems;
    }

    /** A stack that indexes its logs into the log search needs the shared stack to run one. */
    static List<String> logSearchProblems(Map<String, PlatformConfig> configs) {
        boolean searchRuns = configs.values().stream().anyMatch(c -> c.shared() != null && c.shared().logSearch().isPresent());
        List<String> problems = new ArrayList<>();
        configs.forEach((stack, config) -> {
            if (!searchRuns && config.monitoring() != null && config.monitoring().logSearch()) {
                problems.add("quest-platform:monitoring.logSearch of stack " + stack + " is true, but the shared stack runs no log search,"
                        + " so its search filters would name a destination that does not exist; set quest-platform:logArchive.search"
                        + " (enabled: true and readers) in the shared stack, or logSearch: false here");
            }
        });
        return problems;
    }

    /**
     * CI's review role updates the state of every stack named {@code pr-*} and acts through the reviewer role of one
     * environment's account: so only review stacks may be named so, and a review stack must run in the environment the
     * shared stack names in {@code state.reviewStacks} (else its first CI deploy fails with AccessDenied).
     */
    static List<String> reviewStackProblems(Map<String, PlatformConfig> configs) {
        List<String> problems = new ArrayList<>();
        Optional<String> hosting = configs.values().stream().filter(c -> c.shared() != null && c.shared().state() != null)
                .findFirst().flatMap(c -> c.shared().state().reviewStacks());
        configs.forEach((stack, config) -> {
            if (config.review() == null) {
                if (stack.startsWith(ReviewGrant.STACK_PREFIX)) {
                    problems.add("stack " + stack + " is a " + config.role().configValue() + " stack named like a review stack; CI's review"
                            + " role may update every stack named " + ReviewGrant.STACK_PREFIX + "*, so rename it");
                }
                return;
            }
            if (hosting.isEmpty()) {
                problems.add("stack " + stack + " is a review stack, but quest-platform:state.reviewStacks of the shared stack names no"
                        + " environment, so no CI role may deploy it; set it to " + config.environment());
            } else if (!hosting.get().equals(config.environment())) {
                problems.add("quest-platform:environment: \"" + config.environment() + "\" of review stack " + stack + " is not the"
                        + " environment quest-platform:state.reviewStacks of the shared stack names (" + hosting.get() + "), whose"
                        + " reviewer role deploys review stacks; use " + hosting.get());
            }
        });
        return problems;
    }

    /**
     * CI deploys a data stack with its environment's deploy role, whose state grants cover {@code <environment>-data}
     * only when the shared stack lists the environment in {@code state.dataStacks}: a data stack named otherwise, or
     * not listed, would fail its first CI deploy with AccessDenied on its own state.
     */
    static List<String> dataStackProblems(Map<String, PlatformConfig> configs) {
        List<String> problems = new ArrayList<>();
        List<String> granted = configs.values().stream().filter(c -> c.shared() != null && c.shared().state() != null)
                .flatMap(c -> c.shared().state().dataStacks().stream()).toList();
        configs.forEach((stack, config) -> {
            if (config.data() == null) {
                return;
            }
            String expected = config.environment() + StateGrants.DATA_SUFFIX;
            if (!stack.equals(expected)) {
                problems.add("stack " + stack + " is the data stack of environment " + config.environment() + "; name it " + expected
                        + ", the one data stack the environment's CI deploy role may update");
            } else if (!granted.contains(config.environment())) {
                problems.add("quest-platform:state.dataStacks of the shared stack does not list " + config.environment()
                        + ", so CI's " + config.environment() + " deploy role may not update the state of stack " + stack
                        + "; add " + config.environment() + " to it");
            }
        });
        // A service told to read its database needs a data stack writing the parameters its tasks read at start.
        configs.forEach((stack, config) -> {
            boolean wantsDatabase = config.service().map(ServiceConfig::database).orElse(false);
            String self = config.stack().fullyQualified();
            if (wantsDatabase && configs.values().stream().noneMatch(c -> c.data() != null && c.data().environmentStack().equals(self))) {
                problems.add("quest-platform:service.database of stack " + stack + " is true, but no data stack of this project reads "
                        + stack + " (quest-platform:environmentStack), so its tasks would wait for parameters nobody writes; add "
                        + stack + StateGrants.DATA_SUFFIX + " or set it false");
            }
        });
        return problems;
    }

    /** A stack that promotes another's image needs that stack to run a service with an image digest. */
    private static List<String> promotionProblems(Map<String, PlatformConfig> configs) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, PlatformConfig> e : configs.entrySet()) {
            Optional<String> from = e.getValue().service().flatMap(ServiceConfig::promotedFrom);
            if (from.isEmpty()) {
                continue;
            }
            String local = from.get().substring(from.get().lastIndexOf('/') + 1);
            PlatformConfig source = configs.get(local);
            if (source == null || !source.stack().fullyQualified().equals(from.get())) {
                continue;
            }
            String key = "quest-platform:service.image.promoteFrom: \"" + local + "\" of stack " + e.getKey();
            if (source.service().isEmpty()) {
                problems.add(key + " names a stack without a service; there is no image to promote");
            } else if (source.service().get().image() instanceof ImageSource.Reference ref && ref.digest().isEmpty()) {
                problems.add(key + " names a stack that runs " + ref.reference()
                        + " by tag, which has no digest to promote; pin it there with @sha256:... or deploy it from the shared registry by tag");
            }
        }
        return problems;
    }

    /** Each environment against the accounts and allowed regions of the shared stack it reads. */
    private static List<String> accountProblems(Map<String, PlatformConfig> configs) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, PlatformConfig> e : configs.entrySet()) {
            PlatformConfig env = e.getValue();
            Optional<PlatformConfig> shared = env.sharedStack().flatMap(ref -> configs.values().stream()
                    .filter(c -> c.shared() != null && c.stack().stack().equals(ref.substring(ref.lastIndexOf('/') + 1)))
                    .findFirst());
            if (shared.isEmpty()) {
                continue;
            }
            String sharedName = shared.get().stack().stack();
            if (env.accountId().isEmpty()) {
                continue;
            }
            String expected = shared.get().shared().members().get(env.environment());
            if (expected == null) {
                problems.add("quest-platform:accounts of stack " + sharedName + " has no " + env.environment()
                        + " account, so stack " + e.getKey() + " has no deployer role; add " + env.environment() + ": \""
                        + env.accountId() + "\" there");
            } else if (!expected.equals(env.accountId())) {
                problems.add("quest-platform:account: \"" + env.accountId() + "\" of stack " + e.getKey() + " is not the "
                        + env.environment() + " account " + expected + " in quest-platform:accounts of stack " + sharedName);
            }
            List<String> regions = shared.get().shared().allowedRegions();
            if (!env.region().isEmpty() && !regions.contains(env.region())) {
                problems.add("aws:region: \"" + env.region() + "\" of stack " + e.getKey() + " is outside quest-platform:allowedRegions "
                        + regions + " of stack " + sharedName + ", where the deployer may not act; add it there");
            }
        }
        return problems;
    }

    /**
     * GuardDuty and Security Hub run in every account and every allowed region, and nowhere else: each stack's
     * {@code baseline.regions} is exactly its shared stack's {@code allowedRegions}; and either the shared account is the
     * delegated Security Hub administrator for every stack or for none (members would otherwise wait for an invitation
     * nobody sends, or enable Security Hub twice).
     */
    private static void securityServices(Map<String, PlatformConfig> configs, List<String> problems) {
        Optional<PlatformConfig> shared = configs.values().stream().filter(c -> c.shared() != null).findFirst();
        if (shared.isEmpty()) {
            return;
        }
        Set<String> allowed = new TreeSet<>(shared.get().shared().allowedRegions());
        Map<Boolean, List<String>> byChoice = new TreeMap<>();
        configs.forEach((stack, config) -> {
            if (config.baseline() == null) {
                return;
            }
            byChoice.computeIfAbsent(config.baseline().delegatedAdministrator(), k -> new ArrayList<>()).add(stack);
            Set<String> regions = new TreeSet<>(config.baseline().regions());
            regions.remove("");
            if (!regions.isEmpty() && !regions.equals(allowed)) {
                Set<String> missing = new TreeSet<>(allowed);
                missing.removeAll(regions);
                Set<String> extra = new TreeSet<>(regions);
                extra.removeAll(allowed);
                problems.add("quest-platform:baseline.regions of stack " + stack + " is " + regions + ", not the allowed regions "
                        + allowed + " of stack " + shared.get().stack().stack() + (missing.isEmpty() ? "" : "; GuardDuty and Security Hub"
                        + " would not run in " + missing) + (extra.isEmpty() ? "" : "; the deployer may not act in " + extra)
                        + "; set baseline.regions to " + allowed);
            }
        });
        if (byChoice.size() > 1) {
            problems.add("quest-platform:organization.delegatedAdministrator is true in " + byChoice.get(true) + " but not in "
                    + byChoice.get(false) + "; set it the same in every stack, so each member account is joined to Security Hub"
                    + " exactly one way");
        }
    }

    /** Either every stack leaves trails to the organisation trail or none does: else accounts get two trails, or none. */
    private static void organizationTrail(Map<String, PlatformConfig> configs, List<String> problems) {
        Map<Boolean, List<String>> byChoice = new TreeMap<>();
        configs.forEach((stack, config) -> {
            if (config.baseline() != null) {
                byChoice.computeIfAbsent(config.baseline().organizationTrail(), k -> new ArrayList<>()).add(stack);
            }
        });
        if (byChoice.size() > 1) {
            problems.add("quest-platform:organization.trail is true in " + byChoice.get(true) + " but not in " + byChoice.get(false)
                    + "; set it the same in every stack, so each account has exactly one trail");
        }
    }
}
