package io.quest.platform.config;

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
        MonitoringConfig monitoring) {

    public static final String NAMESPACE = "quest-platform";

    public PlatformConfig {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sharedStack, "sharedStack");
        Objects.requireNonNull(service, "service");
    }

    /** Reads and validates a stack's configuration, or throws a {@link ConfigException} listing every problem. */
    public static PlatformConfig load(ConfigSource source, StackIdentity stack) {
        List<ConfigProblem> problems = new ArrayList<>();
        Settings ns = Settings.root(source, NAMESPACE, problems);
        Settings aws = Settings.root(source, "aws", problems);

        StackRole role = ns.choice("role", StackRole.class, StackRole.defaultFor(stack.stack()));
        String defaultEnv = role == StackRole.NETWORK ? stack.stack().replaceFirst("-network$", "") : stack.stack();
        String environment = ns.string("environment", defaultEnv);
        if (!environment.matches("[a-z][a-z0-9-]{0,11}")) {
            ns.reject("environment", environment, "is not an environment name; expected 1 to 12 lowercase letters, digits or '-', starting with a letter");
        }
        boolean production = ns.bool("production", environment.equals("prod"));

        String region = aws.requiredString("region", "the AWS region to deploy into, e.g. eu-west-1");
        if (!region.isEmpty() && !Regions.looksLikeRegion(region)) {
            aws.reject("region", region, "is not an AWS region name; expected for example eu-west-1");
        }

        String account = ns.requiredString("account", "the 12-digit ID of the AWS account this stack deploys into");
        if (!account.isEmpty() && !account.matches("\\d{12}")) {
            ns.reject("account", account, "is not an AWS account ID; expected 12 digits (quote it in YAML to keep leading zeros)");
        }

        String owner = ns.string("owner", "");
        Map<String, String> extraTags = ns.stringMap("tags");
        extraTags.forEach((k, v) -> {
            if (k.startsWith("aws:") || k.length() > 128 || v.length() > 256) {
                ns.reject("tags", k, "is not a tag AWS accepts; keys are up to 128 characters and not aws:-prefixed, values up to 256");
            }
        });
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
            network = NetworkSettings.read(ns, region, production);
            if (role == StackRole.NETWORK && network.fromStack().isPresent()) {
                ns.problem("network.fromStack", "is set in a network stack, which must build the network itself");
            }
            if (role == StackRole.ENVIRONMENT) {
                service = ServiceSettings.read(ns, stack, production);
            }
        }

        SharedConfig shared = role == StackRole.SHARED ? SharedSettings.read(ns, account, region) : null;
        BaselineConfig baseline = role == StackRole.NETWORK ? null : BaselineSettings.read(ns, region);

        MonitoringConfig monitoring = role == StackRole.ENVIRONMENT ? MonitoringSettings.read(ns, account, service.isPresent()) : null;

        ns.rejectUnknown();
        if (!problems.isEmpty()) {
            throw new ConfigException(stack.stack(), problems);
        }
        return new PlatformConfig(stack, role, environment, production, region, account, tags, sharedStack, network, shared, service, baseline, monitoring);
    }

    /** The stacks this stack reads through stack references, fully qualified, in a stable order. */
    public List<String> references() {
        List<String> refs = new ArrayList<>();
        sharedStack.ifPresent(refs::add);
        if (network != null) {
            network.fromStack().ifPresent(refs::add);
        }
        service.flatMap(ServiceConfig::promotedFrom).ifPresent(refs::add);
        return List.copyOf(refs);
    }
}
