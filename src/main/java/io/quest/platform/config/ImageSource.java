package io.quest.platform.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's container image comes from ({@code quest-platform:service.image}): a repository of the
 * shared registry with an immutable tag, which the stack resolves to a digest; a full image reference,
 * deployed as written; or the digest another stack deployed ({@code promoteFrom: dev}).
 */
public sealed interface ImageSource {

    /** An ECR image URI: registry host, repository, then a tag and/or a digest. */
    Pattern ECR_URI = Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9._/-]+?)(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?");

    /**
     * A repository of the shared registry and a tag the registry keeps immutable.
     *
     * @param repository a repository in the shared registry's account; empty means the shared registry's own repository
     * @param tag        the tag to deploy; resolved to its digest at deployment
     */
    record Registry(Optional<String> repository, String tag) implements ImageSource {
        public Registry {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * A full image reference ({@code registry/repository:tag} or {@code ...@sha256:...}), deployed as written.
     */
    record Reference(String reference) implements ImageSource {
        public Reference {
            Objects.requireNonNull(reference, "reference");
        }

        /** The ECR repository the reference names, as {@code [account, region, repository]}, when it names one. */
        public Optional<String[]> ecrRepository() {
            Matcher m = ECR_URI.matcher(reference);
            return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2), m.group(3)}) : Optional.empty();
        }

        /** The digest the reference pins, when it pins one. */
        public Optional<String> digest() {
            int at = reference.indexOf("@sha256:");
            return at < 0 ? Optional.empty() : Optional.of(reference.substring(at + 1));
        }
    }

    /**
     * The exact image (repository URL and digest) another stack of the project deploys, read through its
     * service outputs.
     *
     * @param stack the fully qualified stack to promote from
     */
    record Promoted(String stack) implements ImageSource {
        public Promoted {
            Objects.requireNonNull(stack, "stack");
        }
    }
}
