package io.quest.platform.config;

import io.quest.platform.service.Autoscaling;
import io.quest.platform.service.DatabaseClient;
import io.quest.platform.service.FargateSize;
import io.quest.platform.service.TlsMode;
import io.quest.platform.service.TlsPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates {@code quest-platform:service} (and, through {@link TlsSettings}, {@code quest-platform:tls}). */
final class ServiceSettings {

    /** An ECR repository name (CreateRepository's pattern). */
    static final Pattern REPOSITORY = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** An image tag as registries accept it. */
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    /** A container image reference with a tag and/or a digest. */
    static final Pattern REFERENCE = Pattern.compile("[a-z0-9.-]+(?::\\d+)?/[a-z0-9._/-]+(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(?:@sha256:[0-9a-f]{64})?");
    /** An SSM parameter ARN or a Secrets Manager secret ARN: what ECS accepts as a secret's valueFrom across accounts and regions. */
    static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws(?:-cn|-us-gov)?:(?:ssm:[a-z0-9-]+:\\d{12}:parameter/[A-Za-z0-9_.\\-/]+"
                    + "|secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+)");
    /** An environment variable name. */
    static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Tags that move: deploying one tells nobody which code runs. */
    private static final java.util.Set<String> MUTABLE_TAGS = java.util.Set.of("latest", "main", "master", "stable", "dev", "prod");

    private ServiceSettings() {
    }

    static Optional<ServiceConfig> read(Settings ns, StackIdentity stack, boolean production) {
        return read(ns, stack, production, false);
    }

    /**
     * A review stack's service: the same settings, except that the environment's load balancer terminates TLS and filters
     * requests, so {@code tls} and {@code service.waf} are not the review stack's to set.
     */
    static Optional<ServiceConfig> readReview(Settings ns, StackIdentity stack) {
        if (ns.has("tls")) {
            ns.problem("tls", "is set in a review stack, which is served by its environment's load balancer and TLS; remove it");
        }
        if (!ns.has("service")) {
            ns.problem("service", "is required in a review stack: the service it reviews (java -jar target/quest-platform.jar review <n> writes it)");
            return Optional.empty();
        }
        return read(ns, stack, false, true);
    }

    private static Optional<ServiceConfig> read(Settings ns, StackIdentity stack, boolean production, boolean review) {
        if (!ns.has("service")) {
            if (ns.has("tls")) {
                ns.problem("tls", "is set but " + ns.key("service") + " is not; TLS belongs to the service's load balancer");
            }
            return Optional.empty();
        }
        Settings s = ns.object("service");
        ImageSource image = readImage(s, stack);
        int port = s.integer("containerPort", 8080, 1, 65535);
        FargateSize size = readSize(s);
        int desired = s.integer("desiredCount", production ? 2 : 1, 0, 1000);
        if (production && desired < 2 && s.has("desiredCount")) {
            s.reject("desiredCount", desired, "is too few for production; a service there runs at least 2 tasks, so one AZ can fail");
        }
        Optional<Autoscaling> autoscaling = readAutoscaling(s, desired);
        String healthPath = s.string("healthCheckPath", "/");
        if (!healthPath.startsWith("/") || healthPath.length() > 1024 || healthPath.chars().anyMatch(Character::isWhitespace)) {
            s.reject("healthCheckPath", healthPath, "is not a path the load balancer can check; expected up to 1024 characters starting with /, e.g. /health");
        }
        int grace = s.integer("healthCheckGracePeriodSeconds", 60, 0, 2_147_483_647);
        int deregistration = s.integer("deregistrationDelaySeconds", 30, 0, 3600);
        boolean readonly = s.bool("readonlyRootFilesystem", true);
        Map<String, String> environment = s.stringMap("environment");
        environment.keySet().stream().filter(k -> !VARIABLE.matcher(k).matches())
                .forEach(k -> s.reject("environment", k, "is not an environment variable name; expected letters, digits and _, not starting with a digit"));
        Map<String, String> secrets = readSecrets(s, environment);
        boolean exec = s.bool("ecsExec", false);
        if (exec && readonly) {
            s.problem("ecsExec", "true needs a writable root filesystem (the ECS Exec agent writes to it); set "
                    + s.key("readonlyRootFilesystem") + ": false as well, or leave ecsExec off");
        }
        int retention = LogRetention.read(s, "logRetentionDays", production ? 365 : 30);
        // An S3 lifecycle expiration takes any whole number of days, unlike CloudWatch Logs' fixed list.
        int accessLogRetention = s.integer("accessLogRetentionDays", production ? 365 : 90, 1, 36_500);
        boolean waf = s.bool("waf", production);
        boolean database = s.bool("database", false);
        if (database) {
            DatabaseClient.VARIABLES.stream().filter(v -> environment.containsKey(v) || secrets.containsKey(v)).forEach(v ->
                    s.reject(environment.containsKey(v) ? "environment" : "secrets", v, "is set by the platform when "
                            + s.key("database") + " is true (the database's connection); expected another name"));
        }
        if (review && waf) {
            s.problem("waf", "is true in a review stack; a web ACL belongs to the environment's load balancer, which the review stack shares");
        }
        s.rejectUnknown();
        // A review stack's TLS is its environment's listener's: the stack's own record says none, and nothing reads it.
        TlsConfig tls = review ? new TlsConfig(TlsMode.NONE, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), TlsPolicy.TLS13_1_2,
                TlsSettings.DEFAULT_EXPIRY_ALARM_DAYS, Optional.empty()) : TlsSettings.read(ns, production);
        if (size == null) {
            return Optional.empty();
        }
        return Optional.of(new ServiceConfig(image, port, size, desired, autoscaling, healthPath, grace, deregistration,
                readonly, environment, secrets, exec, retention, accessLogRetention, tls, waf, database));
    }

    private static ImageSource readImage(Settings service, StackIdentity stack) {
        if (!service.has("image")) {
            service.problem("image", "is required: {tag: <immutable tag in the shared registry>}, "
                    + "{reference: <full image reference>} or {promoteFrom: <stack>}");
            return new ImageSource.Reference("");
        }
        Settings s = service.object("image");
        Optional<String> repository = s.optionalString("repository");
        Optional<String> tag = s.optionalString("tag");
        Optional<String> reference = s.optionalString("reference");
        Optional<String> promoteFrom = s.optionalString("promoteFrom");
        s.rejectUnknown();
        int ways = (repository.isPresent() || tag.isPresent() ? 1 : 0) + (reference.isPresent() ? 1 : 0) + (promoteFrom.isPresent() ? 1 : 0);
        if (ways != 1) {
            service.problem("image", "names " + (ways == 0 ? "no" : "more than one") + " image source; expected exactly one of "
                    + "{tag} (with an optional repository), {reference} or {promoteFrom}");
            return new ImageSource.Reference("");
        }
        if (promoteFrom.isPresent()) {
            String from = promoteFrom.get().contains("/") ? promoteFrom.get() : stack.sibling(promoteFrom.get());
            if (!from.matches("[^/\\s]+/[^/\\s]+/[^/\\s]+")) {
                s.reject("promoteFrom", promoteFrom.get(), "is not a stack name; expected a stack of this project (dev) or <organization>/<project>/<stack>");
            } else if (from.equals(stack.fullyQualified())) {
                s.reject("promoteFrom", promoteFrom.get(), "is this stack itself; expected the stack whose image this one promotes, e.g. dev");
            }
            return new ImageSource.Promoted(from);
        }
        if (reference.isPresent()) {
            String ref = reference.get();
            if (!REFERENCE.matcher(ref).matches() || !(ref.contains("@sha256:") || ref.substring(ref.lastIndexOf('/')).contains(":"))) {
                s.reject("reference", ref, "is not a full image reference with a tag or digest; expected registry/repository:tag or registry/repository@sha256:<64 hex>");
            } else if (!ref.contains("@") && MUTABLE_TAGS.contains(ref.substring(ref.lastIndexOf(':') + 1))) {
                s.reject("reference", ref, "names a tag that moves; pin a release tag or a digest so every deployment says which image runs");
            }
            return new ImageSource.Reference(ref);
        }
        String t = s.requiredString("tag", "an immutable release tag, e.g. \"1.4.2\" or a git SHA");
        repository.filter(repo -> !REPOSITORY.matcher(repo).matches() || repo.length() > 256).ifPresent(repo ->
                s.reject("repository", repo, "is not an ECR repository name; expected lowercase letters, digits and . _ - /"));
        if (!t.isEmpty() && !TAG.matcher(t).matches()) {
            s.reject("tag", t, "is not an image tag; expected up to 128 letters, digits, '.', '_' and '-'");
        } else if (MUTABLE_TAGS.contains(t)) {
            s.reject("tag", t, "is a tag that moves; deploy a release tag or git SHA, which the registry keeps immutable");
        }
        return new ImageSource.Registry(repository, t);
    }

    private static FargateSize readSize(Settings s) {
        int cpu = s.integer("cpu", 256);
        int memory = s.integer("memoryMiB", FargateSize.memoryFor(cpu).isEmpty() ? 512 : FargateSize.memoryFor(cpu).get(0));
        if (!FargateSize.CPU_UNITS.contains(cpu)) {
            s.reject("cpu", cpu, "is not a Fargate CPU size; expected one of "
                    + String.join(", ", FargateSize.CPU_UNITS.stream().map(String::valueOf).toList()));
            return null;
        }
        if (!FargateSize.memoryFor(cpu).contains(memory)) {
            s.reject("memoryMiB", memory, "does not fit cpu " + cpu + " on Fargate; expected " + FargateSize.memoryText(cpu));
            return null;
        }
        return new FargateSize(cpu, memory);
    }

    private static Optional<Autoscaling> readAutoscaling(Settings service, int desired) {
        if (!service.has("autoscaling")) {
            return Optional.empty();
        }
        Settings s = service.object("autoscaling");
        int min = s.integer("min", Math.max(1, desired), 1, 1000);
        int max = s.integer("max", Math.max(min, desired) * 2, 1, 1000);
        int cpuTarget = s.integer("cpuTarget", 60, 10, 90);
        Optional<Integer> requests = s.has("requestsPerTarget")
                ? Optional.of(s.integer("requestsPerTarget", 1000, 1, 1_000_000)) : Optional.empty();
        s.rejectUnknown();
        if (max < min) {
            s.reject("max", max, "is below min " + min + "; expected max >= min");
            return Optional.empty();
        }
        if (desired < min || desired > max) {
            service.reject("desiredCount", desired, "is outside autoscaling's " + min + " to " + max + "; expected a count autoscaling would keep");
        }
        return Optional.of(new Autoscaling(min, max, cpuTarget, requests));
    }

    private static Map<String, String> readSecrets(Settings s, Map<String, String> environment) {
        Map<String, String> secrets = new LinkedHashMap<>();
        s.stringMap("secrets").forEach((name, arn) -> {
            String key = "secrets." + name;
            if (!VARIABLE.matcher(name).matches()) {
                s.reject("secrets", name, "is not an environment variable name; expected letters, digits and _, not starting with a digit");
            } else if (environment.containsKey(name)) {
                s.reject("secrets", name, "is also a plain environment variable; a name is either a secret or not");
            } else if (!SECRET_ARN.matcher(arn).matches()) {
                s.reject(key, arn, "is not an SSM parameter or Secrets Manager secret ARN; expected "
                        + "arn:<partition>:ssm:<region>:<account>:parameter/<name> or arn:<partition>:secretsmanager:<region>:<account>:secret:<name>"
                        + " (partition aws, aws-cn or aws-us-gov)");
            } else {
                secrets.put(name, arn);
            }
        });
        return secrets;
    }
}
