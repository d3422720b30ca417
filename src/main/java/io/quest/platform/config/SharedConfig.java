package io.quest.platform.config;

import io.quest.platform.logs.LogSearchSpec;

import io.quest.platform.aws.Partition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared stack's settings: the platform's accounts, how the shared stack reaches into the member
 * accounts, who CI is, and the shared storage (log archive, container registry, the stacks' state).
 *
 * @param accounts               {@code quest-platform:accounts}: every account of the platform by name, {@code shared}
 *                               included; each other name is a member environment ({@code dev}, {@code prod})
 * @param bootstrapRole          {@code quest-platform:bootstrapRole}: the role the shared stack assumes in each member
 *                               account to create the cross-account roles. Defaults to OrganizationAccountAccessRole
 * @param ciRepository           {@code quest-platform:ciRepository}: the GitHub repository ({@code owner/name}) whose
 *                               workflows may assume the CI roles; nothing else can
 * @param registryName           {@code quest-platform:registry.name}: the ECR repository name. Defaults to {@code quest/web}
 * @param keepImages             {@code quest-platform:registry.keepImages}: how many images the registry keeps. Defaults to 50
 * @param logTransitionDays      {@code quest-platform:logArchive.transitionDays}: age at which logs move to Glacier
 *                               Instant Retrieval. Defaults to 90
 * @param logSearch              {@code quest-platform:logArchive.search}: the optional OpenSearch Serverless collection the
 *                               member accounts' shipped logs are indexed into, and who may search it. Defaults to none
 * @param logExpirationDays      {@code quest-platform:logArchive.expirationDays}: age at which logs are deleted.
 *                               Defaults to 2557 (seven years)
 * @param allowedRegions         {@code quest-platform:allowedRegions}: the regions the deployer may act in (global
 *                               services excepted). Defaults to the shared stack's own region
 * @param state                  {@code quest-platform:state}: the state bucket's lifecycle and who reads which stack's state
 * @param images                 {@code quest-platform:registry.pushFrom} and {@code .scanWaivers}: the application
 *                               repositories that push images, and the scan findings a push may carry
 * @param access                 {@code quest-platform:access}: how people reach the accounts (IAM Identity Center)
 */
public record SharedConfig(
        Map<String, String> accounts,
        String bootstrapRole,
        String ciRepository,
        String registryName,
        int keepImages,
        int logTransitionDays,
        int logExpirationDays,
        List<String> allowedRegions,
        StateConfig state,
        ImagePipelineConfig images,
        AccessConfig access,
        Optional<LogSearchSpec> logSearch) {

    /** The name of the shared-services account in {@code quest-platform:accounts}. */
    public static final String SHARED = "shared";

    public SharedConfig {
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        Objects.requireNonNull(bootstrapRole, "bootstrapRole");
        Objects.requireNonNull(ciRepository, "ciRepository");
        Objects.requireNonNull(registryName, "registryName");
        allowedRegions = List.copyOf(allowedRegions);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(logSearch, "logSearch");
    }

    /** The shared-services (security) account. */
    public String sharedAccount() {
        return accounts.get(SHARED);
    }

    /** The member (workload) accounts by environment name, in configuration order. */
    public Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>(accounts);
        members.remove(SHARED);
        return Collections.unmodifiableMap(members);
    }

    /** Every account of the platform, in configuration order. */
    public List<String> accountIds() {
        return List.copyOf(accounts.values());
    }

    /** The role ARN the shared stack assumes to bootstrap a member account. */
    public String bootstrapRoleArn(Partition partition, String accountId) {
        return partition.iam(accountId, "role/" + bootstrapRole);
    }
}
