package io.quest.platform.release;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One image as a stack runs it: the repository it was pulled from and its digest.
 *
 * @param repositoryUrl the repository ({@code 111111111111.dkr.ecr.eu-west-1.amazonaws.com/quest/web})
 * @param digest        the image's digest ({@code sha256:} and 64 hex digits)
 */
public record ReleaseImage(String repositoryUrl, String digest) {

    /** A digest as ECR and Docker write it. */
    public static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public ReleaseImage {
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
        Objects.requireNonNull(digest, "digest");
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("not an image digest (sha256: and 64 hex digits): " + digest);
        }
        if (repositoryUrl.isBlank() || repositoryUrl.contains("@") || repositoryUrl.contains(" ")) {
            throw new IllegalArgumentException("not an image repository: " + repositoryUrl);
        }
    }

    /** The full reference a stack file pins: {@code repository@sha256:...}. */
    public String reference() {
        return repositoryUrl + "@" + digest;
    }

    /** Parses {@code repository@sha256:...}. */
    public static ReleaseImage parse(String reference) {
        int at = reference.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a reference pinned by digest (repository@sha256:...): " + reference);
        }
        return new ReleaseImage(reference.substring(0, at), reference.substring(at + 1));
    }
}
