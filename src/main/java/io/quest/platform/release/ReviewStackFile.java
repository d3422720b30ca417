package io.quest.platform.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.ReviewConfig;
import io.quest.platform.config.ServiceConfig;
import io.quest.platform.config.StackRole;
import io.quest.platform.config.TlsConfig;
import io.quest.platform.service.TlsMode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a review stack's file, {@code Pulumi.pr-<n>.yaml}: the environment's region, account and owner, the review
 * settings (pull request, expiry, how the environment's load balancer routes to it) and the smallest service that runs the
 * environment's image with the environment's port, health check, variables and secrets.
 */
final class ReviewStackFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewStackFile() {
    }

    /** The host name routed to the review stack: {@code pr-<n>.<environment's domain>}, when it fits ACM's 64 characters. */
    static Optional<String> hostName(int pullRequest, TlsConfig tls) {
        if (tls.mode() != TlsMode.ACM) {
            return Optional.empty();
        }
        return tls.domainName().map(domain -> "pr-" + pullRequest + "." + domain).filter(name -> name.length() <= 64);
    }

    /** The file's text for pull request {@code pullRequest} beside {@code environment}, expiring {@code ttlDays} after {@code now}. */
    static String text(int pullRequest, PlatformConfig environment, String environmentStack, Secrets secrets, Instant now, int ttlDays) {
        ServiceConfig service = environment.service().orElseThrow();
        TlsConfig tls = service.tls();
        String expiresAt = now.truncatedTo(ChronoUnit.SECONDS).plus(ttlDays, ChronoUnit.DAYS).toString();
        Optional<String> host = hostName(pullRequest, tls);
        StringBuilder y = new StringBuilder();
        y.append("# The review environment of pull request #").append(pullRequest).append(", written by `java -jar target/quest-platform.jar review ")
                .append(pullRequest).append("`.\n");
        y.append("# It runs ").append(environmentStack).append("'s image in ").append(environmentStack)
                .append("'s account, on its network and behind its load balancer, and expires at ").append(expiresAt).append(".\n");
        y.append("# The review workflow writes, deploys and destroys it; it is not committed (docs/release.md, \"Review environments\").\n");
        secrets.provider().ifPresent(p -> y.append("secretsprovider: ").append(p).append('\n'));
        secrets.encryptedKey().ifPresent(k -> y.append("# ").append(environmentStack).append("'s data key: creating the stack then needs no kms:Encrypt")
                .append(" (pulumi/pulumi pkg/secrets/cloud/manager.go, NewCloudSecretsManager)\n").append("encryptedkey: ").append(k).append('\n'));
        y.append("config:\n");
        y.append("  aws:region: ").append(environment.region()).append('\n');
        y.append("  quest-platform:account: ").append(q(environment.accountId())).append('\n');
        y.append("  quest-platform:role: ").append(StackRole.REVIEW.configValue()).append('\n');
        y.append("  quest-platform:environment: ").append(environment.environment()).append('\n');
        environment.tags().platform().entrySet().stream().filter(e -> e.getKey().equals("owner")).findFirst()
                .ifPresent(e -> y.append("  quest-platform:owner: ").append(q(e.getValue())).append('\n'));
        if (!environment.sharedStack().orElseThrow().equals(environment.stack().sibling("shared"))) {
            y.append("  quest-platform:sharedStack: ").append(environment.sharedStack().get()).append('\n');
        }
        y.append("  quest-platform:review:\n");
        y.append("    pullRequest: ").append(pullRequest).append('\n');
        y.append("    environmentStack: ").append(environmentStack).append('\n');
        y.append("    expiresAt: ").append(q(expiresAt)).append(" # the ").append(ReviewConfig.EXPIRES_TAG).append(" tag of every resource\n");
        host.ifPresent(h -> {
            y.append("    hostName: ").append(h).append(" # a rule for this host on ").append(environmentStack).append("'s HTTPS listener\n");
            y.append("    hostedZoneId: ").append(tls.hostedZoneId().orElseThrow()).append('\n');
        });
        if (host.isEmpty()) {
            y.append("    # no domain of ").append(environmentStack).append(" to name it under: its load balancer routes the path /pr-")
                    .append(pullRequest).append("/ here\n");
        }
        if (tls.mode() == TlsMode.NONE) {
            y.append("    https: false # ").append(environmentStack).append("'s load balancer serves plain HTTP\n");
        }
        y.append("  quest-platform:service:\n");
        y.append("    image: {promoteFrom: ").append(environmentStack).append("} # the exact digest ").append(environmentStack).append(" runs\n");
        y.append("    containerPort: ").append(service.containerPort()).append('\n');
        y.append("    healthCheckPath: ").append(q(service.healthCheckPath())).append('\n');
        y.append("    cpu: 256\n    memoryMiB: 512\n    desiredCount: 1 # the smallest Fargate task, no autoscaling\n");
        if (!service.readonlyRootFilesystem()) {
            y.append("    readonlyRootFilesystem: false\n");
        }
        map(y, "environment", service.environment());
        map(y, "secrets", service.secrets());
        return y.toString();
    }

    /**
     * Whether existing text is the review stack file of this pull request (which {@code review} may rewrite): its
     * {@code quest-platform:role} is review and its {@code review.pullRequest} is the number.
     */
    static boolean isReviewOf(String text, int pullRequest) {
        try {
            Object root = new Yaml(new LoaderOptions()).load(text);
            if (!(root instanceof Map<?, ?> map) || !(map.get("config") instanceof Map<?, ?> config)) {
                return false;
            }
            return "review".equals(config.get("quest-platform:role"))
                    && config.get("quest-platform:review") instanceof Map<?, ?> review
                    && String.valueOf(pullRequest).equals(String.valueOf(review.get("pullRequest")));
        } catch (YAMLException e) {
            return false;
        }
    }

    /**
     * A stack file's secrets provider and the data key it encrypts ({@code encryptedkey}). A new stack whose file already
     * names both keeps them: the Pulumi CLI makes a new data key (kms:Encrypt) only when the file has none or names another
     * provider ({@code NewCloudSecretsManager} in pulumi/pulumi pkg/secrets/cloud/manager.go at
     * 18817b606ff131640d7447053079cf2e01c462e9, read 2026-12-02). A review stack takes its environment's, so CI's review
     * role needs only kms:Decrypt, which reading the environment's outputs needs anyway.
     */
    record Secrets(Optional<String> provider, Optional<String> encryptedKey) {
    }

    /** The {@code secretsprovider} and {@code encryptedkey} of a stack file's text, where it names them. */
    static Secrets secrets(String text) {
        try {
            Object root = new Yaml(new LoaderOptions()).load(text);
            if (!(root instanceof Map<?, ?> map)) {
                return new Secrets(Optional.empty(), Optional.empty());
            }
            Optional<String> provider = map.get("secretsprovider") instanceof String p && p.matches("[A-Za-z0-9:/?=&._%-]+")
                    ? Optional.of(p) : Optional.empty();
            Optional<String> key = provider.isPresent() && map.get("encryptedkey") instanceof String k && k.matches("[A-Za-z0-9+/=]+")
                    ? Optional.of(k) : Optional.empty();
            return new Secrets(provider, key);
        } catch (YAMLException e) {
            return new Secrets(Optional.empty(), Optional.empty());
        }
    }

    private static void map(StringBuilder y, String key, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        y.append("    ").append(key).append(":\n");
        values.forEach((k, v) -> y.append("      ").append(k).append(": ").append(q(v)).append('\n'));
    }

    /** A YAML double-quoted scalar (JSON's string syntax is a subset of it). */
    private static String q(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
