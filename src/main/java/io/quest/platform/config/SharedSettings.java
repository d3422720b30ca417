package io.quest.platform.config;

import io.quest.platform.aws.Partition;
import io.quest.platform.identity.CiIdentity;
import io.quest.platform.identity.ReviewRoles;
import io.quest.platform.logs.LogSearchSpec;
import io.quest.platform.state.ReviewGrant;
import io.quest.platform.state.StateGrants;
import io.quest.platform.state.StateObjects;
import io.quest.platform.state.StatePolicies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and validates the shared stack's settings into a {@link SharedConfig}. */
final class SharedSettings {

    /** An IAM role's ARN, in any partition, with an optional path. */
    private static final String ROLE_ARN = "arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}";

    static final String DEFAULT_BOOTSTRAP_ROLE = "OrganizationAccountAccessRole";
    static final String DEFAULT_REGISTRY = "quest/web";

    // GitHub: an owner is 1-39 letters, digits or single hyphens, not starting or ending with one;
    // a repository name is 1-100 letters, digits, '.', '_' or '-'.
    private static final String GITHUB_OWNER = "[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}";
    private static final String GITHUB_REPOSITORY = "[A-Za-z0-9._-]{1,100}";
    /** The immutable form GitHub's OIDC subjects use for repositories created after 2026-07-15: owner@ID/name@ID. */
    private static final String GITHUB_IMMUTABLE = GITHUB_OWNER + "@\\d{1,20}/" + GITHUB_REPOSITORY + "@\\d{1,20}";
    // ECR: lowercase components separated by '/', each with single '.', '_' or '-' between alphanumerics.
    // Pulumi: a stack name is 1-100 letters, digits, '_', '.' or '-' (tokens.ParseStackName).
    private static final String STACK_NAME = "[A-Za-z0-9_.-]{1,100}";
    private static final String ECR_NAME = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";

    private SharedSettings() {
    }

    static SharedConfig read(Settings ns, String account, String region) {
        Map<String, String> accounts = readAccounts(ns, account);
        String bootstrapRole = ns.string("bootstrapRole", DEFAULT_BOOTSTRAP_ROLE);
        if (!bootstrapRole.matches("[\\w+=,.@-]{1,64}")) {
            ns.reject("bootstrapRole", bootstrapRole, "is not an IAM role name; expected 1 to 64 letters, digits or +=,.@_-"
                    + " (the role name alone, not its ARN)");
        }
        String repository = readRepository(ns);

        Settings registry = ns.object("registry");
        String registryName = registry.string("name", DEFAULT_REGISTRY);
        if (registryName.length() < 2 || registryName.length() > 256 || !registryName.matches(ECR_NAME)) {
            registry.reject("name", registryName, "is not an ECR repository name; expected 2 to 256 lowercase letters and digits,"
                    + " separated by single '.', '_', '-' or '/', for example quest/web");
        }
        int keepImages = registry.integer("keepImages", 50, 1, 10_000);
        ImagePipelineConfig images = readImagePipeline(registry, repository);
        registry.rejectUnknown();

        Settings logs = ns.object("logArchive");
        int transitionDays = logs.integer("transitionDays", 90, 1, 3650);
        int expirationDays = logs.integer("expirationDays", 2557, 2, 36_500);
        if (expirationDays <= transitionDays) {
            logs.reject("expirationDays", expirationDays, "is not after transitionDays (" + transitionDays
                    + "); logs must move to Glacier Instant Retrieval before they expire");
        }
        Optional<LogSearchSpec> search = readSearch(logs.object("search"));
        logs.rejectUnknown();

        List<String> regions = ns.strings("allowedRegions", List.of(region));
        for (String r : regions) {
            if (!Regions.exists(r)) {
                ns.reject("allowedRegions", r, "is not a region AWS runs; expected a region code such as eu-west-1 (see docs.aws.amazon.com/global-infrastructure/latest/regions)");
            }
        }
        if (regions.isEmpty()) {
            ns.problem("allowedRegions", "is empty; expected at least the shared stack's region " + region);
        } else if (!region.isEmpty() && !regions.contains(region)) {
            ns.reject("allowedRegions", regions.toString(), "leaves out the shared stack's own region " + region
                    + ", where the log archive and the registry live; add it");
        }
        StateConfig state = readState(ns.object("state"), accounts);
        checkStatePolicySize(ns, account, region, accounts, state);
        AccessConfig access = AccessSettings.read(ns, accounts, region);
        return new SharedConfig(accounts, bootstrapRole, repository, registryName, keepImages,
                transitionDays, expirationDays, List.copyOf(Set.copyOf(regions)).stream().sorted().toList(), state, images, access, search);
    }

    /** {@code quest-platform:logArchive.search}: off unless enabled, and then only with the roles that may search. */
    private static Optional<LogSearchSpec> readSearch(Settings search) {
        boolean enabled = search.bool("enabled", false);
        List<String> readers = search.strings("readers", List.of());
        search.rejectUnknown();
        for (String reader : readers) {
            if (!reader.matches(ROLE_ARN)) {
                search.reject("readers", reader, "is not an IAM role ARN; expected arn:aws:iam::<account>:role/<name>, a role that"
                        + " may search the shipped logs");
            }
        }
        if (enabled && readers.isEmpty()) {
            search.problem("readers", "is empty; expected the IAM role ARNs that may search the logs: nobody else may read the"
                    + " collection, so without readers it would index logs no one can search");
            return Optional.empty();
        }
        if (!enabled && !readers.isEmpty()) {
            search.problem("readers", "is set, but search is off; set quest-platform:logArchive.search.enabled: true (an OpenSearch"
                    + " Serverless collection, about $175 a month) or remove readers");
        }
        return enabled && readers.stream().allMatch(r -> r.matches(ROLE_ARN)) ? Optional.of(new LogSearchSpec(readers)) : Optional.empty();
    }

    /** {@code quest-platform:state}: the state bucket's lifecycle and the stacks each environment's CI roles read. */
    private static StateConfig readState(Settings state, Map<String, String> accounts) {
        int noncurrentDays = state.integer("noncurrentVersionDays", StateConfig.DEFAULT_NONCURRENT_VERSION_DAYS, 1, 36_500);
        int accessLogDays = state.integer("accessLogDays", StateConfig.DEFAULT_ACCESS_LOG_DAYS, 1, 36_500);
        Settings reads = state.object("reads");
        Map<String, List<String>> readsByEnvironment = new LinkedHashMap<>();
        List<String> environments = accounts.keySet().stream().filter(n -> !n.equals(SharedConfig.SHARED)).toList();
        for (String env : reads.names()) {
            List<String> stacks = reads.strings(env, List.of());
            if (!environments.contains(env)) {
                reads.reject(env, env, "is not an environment of quest-platform:accounts; expected one of " + environments);
                continue;
            }
            for (String stack : stacks) {
                if (!stack.matches(STACK_NAME)) {
                    reads.reject(env, stack, "is not a stack name of this project; expected 1 to 100 letters, digits, '_', '.'"
                            + " or '-', for example dev (the stack name alone, not organization/project/stack)");
                } else if (stack.equals(env)) {
                    reads.reject(env, stack, "is the environment's own stack, whose state its deploy role always reads and writes;"
                            + " list only the other stacks its stack references read");
                } else if (stack.equals(SharedConfig.SHARED)) {
                    reads.reject(env, stack, "is the shared stack, whose state every CI role already reads;"
                            + " list only the other stacks its stack references read");
                }
            }
            readsByEnvironment.put(env, stacks);
        }
        reads.rejectUnknown();
        List<String> dataStacks = state.strings("dataStacks", List.of());
        for (String env : dataStacks) {
            if (!environments.contains(env)) {
                state.reject("dataStacks", env, "is not an environment of quest-platform:accounts; expected one of " + environments
                        + " (an environment whose data stack, <environment>-data, its deploy role also updates)");
            }
        }
        java.util.Optional<String> reviewStacks = state.optionalString("reviewStacks");
        reviewStacks.filter(env -> !environments.contains(env)).ifPresent(env -> state.reject("reviewStacks", env,
                "is not an environment of quest-platform:accounts; expected one of " + environments
                        + " (the non-production environment whose account, network and load balancer the review stacks pr-<n> use)"));
        state.rejectUnknown();
        return new StateConfig(noncurrentDays, accessLogDays, readsByEnvironment,
                dataStacks.stream().filter(environments::contains).toList(), reviewStacks.filter(environments::contains));
    }

    /**
     * The state bucket's policy grants each environment its own stack, so it grows with every environment and
     * every {@code state.reads} entry; refuse, before anything exists, a platform whose policy AWS would refuse.
     */
    private static void checkStatePolicySize(Settings ns, String account, String region, Map<String, String> accounts, StateConfig state) {
        Map<String, String> deployRoles = new LinkedHashMap<>();
        accounts.keySet().stream().filter(n -> !n.equals(SharedConfig.SHARED) && n.matches(STACK_NAME))
                .forEach(env -> deployRoles.put(env, CiIdentity.deployRoleArn(Partition.of(region), account, env)));
        Map<String, List<String>> reads = new LinkedHashMap<>();
        state.reads().forEach((env, stacks) -> {
            if (deployRoles.containsKey(env)) {
                reads.put(env, stacks.stream().filter(s -> s.matches(STACK_NAME)).toList());
            }
        });
        if (deployRoles.isEmpty()) {
            return;
        }
        StateGrants grants = new StateGrants(new StateObjects(PlatformConfig.NAMESPACE), SharedConfig.SHARED,
                CiIdentity.previewRoleArn(Partition.of(region), account), deployRoles, reads,
                Set.copyOf(state.dataStacks().stream().filter(deployRoles::containsKey).toList()),
                state.reviewStacks().filter(deployRoles::containsKey).map(env -> new ReviewGrant(ReviewRoles.ciRoleArn(Partition.of(region), account), env)));
        int size = StatePolicies.bucketPolicySize(account, region, grants);
        if (size > StatePolicies.BUCKET_POLICY_LIMIT) {
            ns.problem("accounts", "names " + deployRoles.size() + " environments, for which the state bucket's policy would be "
                    + size + " characters, and AWS allows " + StatePolicies.BUCKET_POLICY_LIMIT + " (each environment's CI roles get"
                    + " their own stack's state); deploy fewer environments from this shared stack, or list fewer quest-platform:state.reads or state.dataStacks");
        }
    }

    private static Map<String, String> readAccounts(Settings ns, String account) {
        if (!ns.has("accounts")) {
            ns.problem("accounts", "is required: the platform's accounts by name, for example {shared: \"111111111111\","
                    + " dev: \"222222222222\", prod: \"333333333333\"}");
            return Map.of();
        }
        Map<String, String> accounts = new LinkedHashMap<>(ns.stringMap("accounts"));
        Map<String, String> seen = new LinkedHashMap<>();
        accounts.forEach((name, id) -> {
            String key = "accounts." + name;
            if (!name.matches("[a-z][a-z0-9-]{0,11}")) {
                ns.reject(key, name, "is not an environment name; expected 1 to 12 lowercase letters, digits or '-', starting with a letter");
            }
            if (!id.matches("\\d{12}")) {
                ns.reject(key, id, "is not an AWS account ID; expected 12 digits (quote it in YAML to keep leading zeros)");
            } else if (seen.containsKey(id)) {
                ns.reject(key, id, "is also the account of " + seen.get(id) + "; each environment needs an account of its own");
            }
            seen.putIfAbsent(id, name);
        });
        if (!accounts.containsKey(SharedConfig.SHARED)) {
            ns.problem("accounts", "names no shared account; expected shared: \"<the 12-digit ID of this stack's account>\"");
        } else if (account.matches("\\d{12}") && !accounts.get(SharedConfig.SHARED).equals(account)) {
            ns.reject("accounts.shared", accounts.get(SharedConfig.SHARED), "is not this stack's account " + account
                    + " (quest-platform:account); the shared stack deploys into the shared account");
        }
        if (accounts.keySet().stream().noneMatch(n -> !n.equals(SharedConfig.SHARED))) {
            ns.problem("accounts", "names no member account; expected at least one environment, for example dev: \"222222222222\"");
        }
        return accounts;
    }

    /**
     * The application repositories that push images, and the critical findings they may push with. A repository is
     * exactly one {@code owner/name}, as for {@code ciRepository}; a waiver names one finding and says why.
     */
    private static ImagePipelineConfig readImagePipeline(Settings registry, String ciRepository) {
        List<String> pushFrom = registry.strings("pushFrom", List.of());
        Set<String> seen = new java.util.HashSet<>();
        for (String repository : pushFrom) {
            if (repository.contains("*") || repository.contains("?")) {
                registry.reject("pushFrom", repository, "contains a wildcard, which would let other repositories push images;"
                        + " expected exactly one repository, owner/name");
            } else if (!repository.matches(GITHUB_OWNER + "/" + GITHUB_REPOSITORY) && !repository.matches(GITHUB_IMMUTABLE)) {
                registry.reject("pushFrom", repository, "is not a GitHub repository; expected owner/name, for example acme/quest-web");
            } else if (!seen.add(repository.toLowerCase(java.util.Locale.ROOT))) {
                registry.reject("pushFrom", repository, "is listed twice; expected each application repository once");
            } else if (repository.equalsIgnoreCase(ciRepository)) {
                registry.reject("pushFrom", repository, "is the platform's own repository (ciRepository), whose roles deploy;"
                        + " expected the application repositories that build images");
            }
        }
        Map<String, String> waivers = new LinkedHashMap<>();
        if (registry.has("scanWaivers")) {
            registry.stringMap("scanWaivers").forEach((finding, reason) -> {
                if (!finding.matches("(CVE-\\d{4}-\\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}|ALAS[0-9A-Z-]+)")) {
                    registry.reject("scanWaivers", finding, "is not a finding name; expected a CVE ID such as CVE-2024-12345,"
                            + " a GitHub advisory ID (GHSA-xxxx-xxxx-xxxx) or an Amazon Linux advisory (ALAS...)");
                } else if (reason == null || reason.isBlank()) {
                    registry.reject("scanWaivers", finding, "has no reason; expected why this critical finding is accepted,"
                            + " for example {CVE-2024-12345: \"not reachable: the service never parses XML\"}");
                } else {
                    waivers.put(finding, reason);
                }
            });
        }
        return new ImagePipelineConfig(pushFrom, waivers);
    }

    private static String readRepository(Settings ns) {
        String repository = ns.requiredString("ciRepository", "the GitHub repository (owner/name) whose workflows deploy the platform");
        if (repository.isEmpty()) {
            return repository;
        }
        if (repository.contains("*") || repository.contains("?")) {
            ns.reject("ciRepository", repository, "contains a wildcard, which would let other repositories' workflows"
                    + " assume the CI roles; expected exactly one repository, owner/name");
        } else if (!(repository.matches(GITHUB_OWNER + "/" + GITHUB_REPOSITORY) || repository.matches(GITHUB_IMMUTABLE))
                || repository.endsWith("/.") || repository.endsWith("/..")) {
            ns.reject("ciRepository", repository, "is not a GitHub repository; expected owner/name, for example acme/quest-platform,"
                    + " or owner@ID/name@ID where the repository's OIDC subjects use immutable IDs");
        }
        return repository;
    }
}
