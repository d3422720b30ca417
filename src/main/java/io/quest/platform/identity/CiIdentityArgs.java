package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Arguments of a {@link CiIdentity}.
 *
 * @param repository the one GitHub repository ({@code owner/name}) whose runs may assume the CI roles
 * @param partition  the partition of the shared account and its members
 * @param members    the member accounts by environment name: one deploy role per environment
 * @param tags       the platform-wide tag layer
 */
public record CiIdentityArgs(String repository, Partition partition, Map<String, String> members, Tags tags) {

    public CiIdentityArgs {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(tags, "tags");
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        // Fails on a wildcard or anything else that is not exactly one repository, before any resource exists.
        GitHubOidc.pullRequestSubject(repository);
        members.keySet().forEach(env -> GitHubOidc.environmentSubject(repository, env));
    }
}
