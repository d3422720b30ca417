package io.quest.platform.identity;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Arguments of {@link ImagePushRoles}.
 *
 * @param githubProviderArn the GitHub Actions OIDC provider of the shared account ({@link CiIdentity})
 * @param registryArn       the ECR repository images are pushed to
 * @param pushFrom          the application repositories ({@code owner/name}) that push; each gets its own role
 * @param scanWaivers       critical findings a push may carry, by finding name, each with its reason
 * @param tags              the platform-wide tag layer
 */
public record ImagePushRolesArgs(
        Output<String> githubProviderArn,
        Output<String> registryArn,
        List<String> pushFrom,
        Map<String, String> scanWaivers,
        Tags tags) {

    public ImagePushRolesArgs {
        Objects.requireNonNull(githubProviderArn, "githubProviderArn");
        Objects.requireNonNull(registryArn, "registryArn");
        Objects.requireNonNull(tags, "tags");
        pushFrom = List.copyOf(pushFrom);
        scanWaivers = Collections.unmodifiableMap(new TreeMap<>(scanWaivers));
        // Fails on a wildcard or anything but exactly one repository, before any resource exists.
        pushFrom.forEach(GitHubOidc::releaseSubjects);
        if (pushFrom.stream().map(ImagePushRoles::roleName).distinct().count() != pushFrom.size()) {
            throw new IllegalArgumentException("two application repositories would share a push role: " + pushFrom);
        }
    }
}
