package io.quest.platform.config;

import io.quest.platform.aws.Partition;
import io.quest.platform.tags.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stack's whole configuration, read from {@code Pulumi.<stack>.yaml}, defaulted and validated.
 * {@link #load} reports every problem at once, before any resource is registered.
 *
 * @param stack       which stack this is
 * @param role        what the stack owns
 * @param environment the environment's name in tags and resource names ({@code dev}, {@code prod})
 * @param production  whether production rules apply (protection, sizing, approvals)
 * @param region      {@code aws:region}
 * @param accountId   the account the stack deploys into; the stack's provider refuses any other
 * @param tags        the platform-wide tag layer
 * @param sharedStack the fully qualified shared stack an environment reads; empty for the shared stack
 * @param network     the network settings of an environment or network stack; null for the shared stack
 * @param shared      the accounts, CI identity and shared storage of the shared stack; null for other stacks
 * @param service     the web service of an environment stack; empty when the environment runs none
 * @param baseline    the security baseline of a shared or environment stack; null for a network stack
 * @param monitoring  alerts, alarms, dashboard and canary of an environment stack's service; null for other stacks
 * @param providerRole the role in the environment's account its AWS provider assumes ({@link ProviderRole#VARIABLE})
 * @param cost        the stack's monthly budget and usage assumptions for its cost estimate
 * @param data        the environment stack and database of a data stack; null for other stacks
 * @param review      the pull request, environment stack and routing of a review stack; null for other stacks
 */
public record PlatformConfig(
        StackIdentity stack,
        StackRole role,
        String environment,
        boolean production,
        String region,
        String accountId,
        Tags tags,
        Optional<String> sharedStack,
        NetworkConfig network,
        SharedConfig shared,
        Optional<ServiceConfig> service,
        BaselineConfig baseline,
        MonitoringConfig monitoring,
        ProviderRole providerRole,
        CostConfig cost,
        DataConfig data,
        ReviewConfig review) {

    public static final String NAMESPACE = "quest-platform";

    public PlatformConfig {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sharedStack, "sharedStack");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(providerRole, "providerRole");
    }

    /** The namespaces whose keys a stack file may hold: ours, the AWS provider's, and Pulumi's own ({@code pulumi:tags}). */
    public static final List<String> NAMESPACES = List.of(NAMESPACE, "aws", "pulumi");

    /** The partition of the stack's region, which every ARN the stack writes begins with. */
    public Partition partition() {
        return Partition.of(region);
    }

    /** Reads and validates a stack's configuration, or throws a {@link ConfigException} listing every problem. */
    public static PlatformConfig load(ConfigSource source, StackIdentity stack) {
        return load(source, stack, Map.of());
    }

    /**
     * Reads and validates a stack's configuration and the run's environment variables (of which only
     * {@link ProviderRole#VARIABLE} is read), or throws a {@link ConfigException} listing every problem.
     */
    public static PlatformConfig load(ConfigSource source, StackIdentity stack, Map<String, String> environmentVariables) {
        List<ConfigProblem> problems = new ArrayList<>();
        PlatformConfig config = read(source, stack, environmentVariables, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(stack.stack(), problems);
        }
        return config;
    }

    /**
     * Reads a stack's configuration as far as it can, adding every problem to {@code problems}: the result
     * is complete when there are none, and otherwise good enough for the checks that compare stacks
     * (a value with a problem reads as its default, or null), so those run too.
     */
    public static PlatformConfig read(ConfigSource source, StackIdentity stack, List<ConfigProblem> problems) {
        return read(source, stack, Map.of(), problems);
    }

    /** {@link #read(ConfigSource, StackIdentity, List)}, also reading the run's {@link ProviderRole#VARIABLE}. */
    public static PlatformConfig read(ConfigSource source, StackIdentity stack, Map<String, String> environmentVariables,
                                      List<ConfigProblem> problems) {
        namespaceProblems(source, problems);
        Settings ns = Settings.root(source, NAMESPACE, problems);
        Settings aws = Settings.root(source, "aws", problems);

        StackRole role = ns.choice("role", StackRole.class, StackRole.defaultFor(stack.stack()));
        String defaultEnv = switch (role) {
            case NETWORK -> stack.stack().replaceFirst("-network$", "");
            case DATA -> stack.stack().replaceFirst("-data$", "");
            case REVIEW -> "dev";
            default -> stack.stack();
        };
        String environment = ns.string("environment", defaultEnv);
        if (!environment.matches("[a-z][a-z0-9-]{0,11}")) {
            ns.reject("environment", environment, "is not an environment name; expected 1 to 12 lowercase letters, digits or '-', starting with a letter");
        }
        boolean production = ns.bool("production", environment.equals("prod"));

        String region = aws.requiredString("region", "the AWS region to deploy into, e.g. eu-west-1");
        if (!region.isEmpty() && !Regions.exists(region)) {
            aws.reject("region", region, "is not a region AWS runs; expected a region code such as eu-west-1 (see docs.aws.amazon.com/global-infrastructure/latest/regions)");
        }

        String account = ns.requiredString("account", "the 12-digit ID of the AWS account this stack deploys into");
        if (!account.isEmpty() && !account.matches("\\d{12}")) {
            ns.reject("account", account, "is not an AWS account ID; expected 12 digits (quote it in YAML to keep leading zeros)");
        }

        String owner = ns.string("owner", "");
        Map<String, String> extraTags = ns.stringMap("tags");
        extraTags.forEach((k, v) -> Tags.problem(k, v).ifPresent(why -> problems.add(ConfigProblem.of(ns.key("tags") + "." + k, k, why))));
        ReviewConfig review = role == StackRole.REVIEW ? ReviewSettings.read(ns, stack, environment) : null;
        if (review != null) {
            extraTags.put(ReviewConfig.EXPIRES_TAG, review.expiresAt());
        }
        if (extraTags.size() > Tags.MAX_EXTRA_TAGS) {
            ns.problem("tags", "adds " + extraTags.size() + " tags; expected at most " + Tags.MAX_EXTRA_TAGS + ", because AWS allows "
                    + Tags.MAX_TAGS + " per resource and the platform sets " + (Tags.MAX_TAGS - Tags.MAX_EXTRA_TAGS) + " itself");
        }
        Tags tags = Tags.platform(stack.project(), stack.stack(), environment, owner, extraTags);

        Optional<String> sharedStack = Optional.empty();
        NetworkConfig network = null;
        Optional<ServiceConfig> service = Optional.empty();
        if (role != StackRole.SHARED) {
            String shared = ns.string("sharedStack", stack.sibling("shared"));
            if (!shared.matches("[^/\\s]+/[^/\\s]+/[^/\\s]+")) {
                ns.reject("sharedStack", shared, "is not a fully qualified stack name; expected <organization>/<project>/<stack>");
            }
            sharedStack = Optional.of(shared);
            network = role == StackRole.DATA || role == StackRole.REVIEW ? null : NetworkSettings.read(ns, region, production);
            if (role == StackRole.NETWORK && network != null && network.fromStack().isPresent()) {
                ns.problem("network.fromStack", "is set in a network stack, which must build the network itself");
            }
            if (role == StackRole.ENVIRONMENT) {
                service = ServiceSettings.read(ns, stack, production);
                TlsSettings.requireEgress(ns, service, network);
            } else if (role == StackRole.REVIEW) {
                service = ServiceSettings.readReview(ns, stack);
            }
        }

        SharedConfig shared = role == StackRole.SHARED ? SharedSettings.read(ns, account, region) : null;
        BaselineConfig baseline = role == StackRole.NETWORK || role == StackRole.DATA || role == StackRole.REVIEW ? null
                : BaselineSettings.read(ns, region, shared != null ? shared.allowedRegions() : List.of(region));
        DataConfig data = role == StackRole.DATA ? DataSettings.read(ns, stack, environment, production) : null;

        MonitoringConfig monitoring = role == StackRole.ENVIRONMENT ? MonitoringSettings.read(ns, account, service.isPresent()) : null;

        ProviderRole providerRole = ProviderRole.read(environmentVariables, problems);
        if (providerRole == ProviderRole.REVIEWER && role != StackRole.REVIEW && role != StackRole.SHARED) {
            problems.add(ConfigProblem.of(ProviderRole.VARIABLE, providerRole.configValue(), "applies only to review stacks (pr-<n>), which"
                    + " the reviewer role may change; stack " + stack.stack() + " is a " + role.configValue() + " stack, deployed as deployer"));
        }
        CostConfig cost = CostSettings.read(ns);

        ns.rejectUnknown();
        return new PlatformConfig(stack, role, environment, production, region, account, tags, sharedStack, network, shared, service, baseline, monitoring, providerRole, cost, data, review);
    }

    /** The stacks this stack reads through stack references, fully qualified, in a stable order. */
    public List<String> references() {
        return List.copyOf(new java.util.LinkedHashSet<>(referencesByKey().values()));
    }

    /** Each stack this stack reads, keyed by the setting that names it ({@code quest-platform:sharedStack}, ...). */
    public Map<String, String> referencesByKey() {
        Map<String, String> refs = new java.util.LinkedHashMap<>();
        sharedStack.ifPresent(ref -> refs.put(NAMESPACE + ":sharedStack", ref));
        if (network != null) {
            network.fromStack().ifPresent(ref -> refs.put(NAMESPACE + ":network.fromStack", ref));
        }
        service.flatMap(ServiceConfig::promotedFrom).ifPresent(ref -> refs.put(NAMESPACE + ":service.image.promoteFrom", ref));
        if (data != null) {
            refs.put(NAMESPACE + ":environmentStack", data.environmentStack());
        }
        if (review != null) {
            refs.put(NAMESPACE + ":review.environmentStack", review.environmentStack());
        }
        return refs;
    }

    /** A key in a namespace nothing reads is almost always a misspelt {@code quest-platform}: say so, with the fix. */
    private static void namespaceProblems(ConfigSource source, List<ConfigProblem> problems) {
        for (String key : source.keys().orElse(java.util.Set.of())) {
            int colon = key.indexOf(':');
            String namespace = colon < 0 ? "" : key.substring(0, colon);
            if (NAMESPACES.contains(namespace)) {
                continue;
            }
            String suggestion = NAMESPACES.stream()
                    .filter(n -> distance(n, namespace) <= Math.max(2, n.length() / 4))
                    .findFirst()
                    .map(n -> "; did you mean " + n + key.substring(colon) + "?")
                    .orElse("");
            problems.add(new ConfigProblem(key, "is in namespace \"" + namespace + "\", which nothing in this project reads, so it would be "
                    + "ignored; expected a key of " + String.join(", ", NAMESPACES) + suggestion));
        }
    }

    /** Levenshtein distance, for suggestions. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
