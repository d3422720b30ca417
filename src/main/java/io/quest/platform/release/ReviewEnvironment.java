package io.quest.platform.release;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackRole;
import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Platform;
import io.quest.platform.plan.Project;
import io.quest.platform.plan.StackFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the stack file of a pull request's review environment, {@code Pulumi.pr-<n>.yaml}, beside the stack file of the
 * environment it borrows from. It refuses a number that is not a pull request's, an environment that is not a
 * non-production environment running a service, and a file of that name that is not this pull request's review stack; and
 * it keeps the file only if the project still plans with it (otherwise it puts back what was there).
 */
public final class ReviewEnvironment {

    /** What was written: the file, the review stack's name, and a one-line account of it. */
    public record Written(Path file, String stack, String summary) {
    }

    /** How long a review stack lives by default, in days. */
    public static final int DEFAULT_TTL_DAYS = 7;
    /** The longest a review stack may be set to live, in days. */
    public static final int MAX_TTL_DAYS = 90;

    private ReviewEnvironment() {
    }

    /** The pull request number a command-line argument names, or a refusal naming the value and what is expected. */
    public static int pullRequest(String argument) {
        if (argument == null || !argument.matches("[0-9]{1,9}") || Integer.parseInt(argument) < 1) {
            throw new ReleaseException("pull request number: \"" + argument + "\" is not a pull request number; expected a positive"
                    + " whole number such as 42 (GitHub numbers pull requests from 1)");
        }
        return Integer.parseInt(argument);
    }

    /** Writes {@code Pulumi.pr-<pullRequest>.yaml} beside {@code environment}'s file in the project at {@code directory}. */
    public static Written write(Path directory, int pullRequest, String environment, int ttlDays, Instant now) {
        if (ttlDays < 1 || ttlDays > MAX_TTL_DAYS) {
            throw new ReleaseException("--ttl-days: " + ttlDays + " is not a review environment's lifetime; expected 1 to " + MAX_TTL_DAYS + " days");
        }
        String stack = "pr-" + pullRequest;
        Project project = Project.load(directory);
        Path root = project.directory().toAbsolutePath().normalize();
        Optional<String> previous = Optional.empty();
        StackFile existing = project.stacks().get(stack);
        if (existing != null) {
            Path file = root.resolve(existing.file()).normalize();
            String text = read(file, root);
            if (!ReviewStackFile.isReviewOf(text, pullRequest)) {
                throw new ReleaseException(root.relativize(file) + " exists and is not the review stack of pull request #" + pullRequest
                        + " (expected quest-platform:role: review and review.pullRequest: " + pullRequest + " in it); review will not"
                        + " overwrite it: move or delete it first");
            }
            previous = Optional.of(text);
        }
        // The environment is read from the project as it is without this review stack, whose old file is replaced anyway.
        Map<String, StackFile> others = new TreeMap<>(project.stacks());
        others.remove(stack);
        Platform platform = Platform.load(new Project(project.name(), project.directory(), project.projectFile(), project.declarations(), others));
        PlatformConfig host = platform.configs().get(environment);
        if (host == null) {
            throw new ReleaseException("--environment: no stack " + environment + "; expected an environment stack, one of "
                    + platform.configs().values().stream().filter(c -> c.role() == StackRole.ENVIRONMENT).map(c -> c.stack().stack()).toList());
        }
        if (host.role() != StackRole.ENVIRONMENT || host.service().isEmpty() || host.production()) {
            throw new ReleaseException("--environment: stack " + environment + " is " + (host.role() != StackRole.ENVIRONMENT
                    ? "a " + host.role().configValue() + " stack" : host.production() ? "production" : "an environment without a service")
                    + "; a review environment borrows the network and load balancer of a non-production environment stack that runs a"
                    + " service, such as dev");
        }
        StackFile hostFile = platform.project().stacks().get(environment);
        Path hostPath = root.resolve(hostFile.file()).normalize();
        String extension = hostPath.getFileName().toString().substring(("Pulumi." + environment).length());
        if (!extension.equals(".yaml") && !extension.equals(".yml")) {
            throw new ReleaseException(root.relativize(hostPath) + ": review writes YAML stack files; expected the project's stack files"
                    + " to be .yaml or .yml");
        }
        Path path = existing != null ? root.resolve(existing.file()).normalize() : hostPath.resolveSibling("Pulumi." + stack + extension);
        String display = root.relativize(path).toString();
        try {
            String text = ReviewStackFile.text(pullRequest, host, environment, ReviewStackFile.secrets(read(hostPath, root)), now, ttlDays);
            replace(path, text);
            Platform checked;
            try {
                checked = Platform.load(directory);
            } catch (PlanException e) {
                if (previous.isPresent()) {
                    replace(path, previous.get());
                } else {
                    Files.deleteIfExists(path);
                }
                throw new ReleaseException("the review stack " + stack + " would not plan, so " + display + " was not written:\n" + e.getMessage());
            }
            var review = checked.configs().get(stack).review();
            String where = review.hostName().map(h -> (review.https() ? "https://" : "http://") + h)
                    .orElse(environment + "'s load balancer under " + review.pathPrefix() + "/");
            return new Written(path, stack, display + ": review stack " + stack + " of pull request #" + pullRequest + " in " + environment
                    + "'s account " + host.accountId() + ", on its network and load balancer, at " + where + "; expires " + review.expiresAt());
        } catch (IOException e) {
            throw new ReleaseException(display + ": cannot be written: " + e.getMessage());
        }
    }

    private static String read(Path file, Path root) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleaseException(root.relativize(file) + ": cannot be read: " + e.getMessage());
        }
    }

    private static void replace(Path path, String text) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
