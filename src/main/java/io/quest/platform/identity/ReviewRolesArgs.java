package io.quest.platform.identity;

import com.pulumi.core.Output;
import io.quest.platform.aws.Partition;
import io.quest.platform.tags.Tags;

import java.util.Objects;

/**
 * Arguments of {@link ReviewRoles}.
 *
 * @param githubProviderArn GitHub Actions' OIDC provider in the shared account
 * @param repository        the one GitHub repository ({@code owner/name}) whose review jobs may assume the CI review role
 * @param environment       the environment whose account hosts the review stacks ({@code dev})
 * @param accountId         that account, where the reviewer role is
 * @param partition         the AWS partition of the accounts
 * @param tags              the platform-wide tag layer
 */
public record ReviewRolesArgs(Output<String> githubProviderArn, String repository, String environment, String accountId, Partition partition,
                              Tags tags) {

    public ReviewRolesArgs {
        Objects.requireNonNull(githubProviderArn, "githubProviderArn");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(tags, "tags");
        // Fails on anything that is not exactly one repository, before any resource exists.
        GitHubOidc.environmentSubject(repository, ReviewRoles.GITHUB_ENVIRONMENT);
    }
}
