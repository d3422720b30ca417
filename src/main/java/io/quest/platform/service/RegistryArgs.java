package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;

/**
 * Arguments of a {@link Registry}.
 *
 * @param repositoryName the ECR repository name ({@code quest/web})
 * @param accountId      the account the registry lives in (the shared account)
 * @param pullAccounts   the member accounts whose workloads pull images
 * @param keepImages     how many images the lifecycle policy keeps, newest first
 * @param protect        whether Pulumi refuses to delete the repository and its key
 * @param retainOnDelete whether the repository and key stay in AWS when removed from the program
 * @param tags           the platform-wide tag layer
 */
public record RegistryArgs(
        String repositoryName,
        String accountId,
        Partition partition,
        List<String> pullAccounts,
        int keepImages,
        boolean protect,
        boolean retainOnDelete,
        Tags tags) {

    public RegistryArgs {
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(tags, "tags");
        pullAccounts = List.copyOf(pullAccounts);
        if (keepImages < 1) {
            throw new IllegalArgumentException("a registry keeps at least one image, not " + keepImages);
        }
        if (pullAccounts.contains(accountId)) {
            throw new IllegalArgumentException("account " + accountId + " owns the registry; it needs no cross-account pull");
        }
    }
}
