package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry's repository policy, key policy and image lifecycle policy, as data. */
public final class RegistryPolicies {

    /** What pulling an image takes; {@code ecr:GetAuthorizationToken} is account-wide and granted in the puller's own account. */
    public static final List<String> PULL_ACTIONS = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");

    /** Untagged images (failed or superseded pushes) are removed after this many days. */
    static final int UNTAGGED_DAYS = 14;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryPolicies() {
    }

    /**
     * Member accounts may pull and look up an image's digest, nothing else: no push, no delete, no policy changes. The principal is each
     * member account, so the account decides through its own IAM which of its roles may pull (only the
     * task execution roles are given ECR pull there). Naming the execution roles here instead would tie
     * this policy to role names that are autonamed and replaced as services change, and a role that does
     * not exist yet is refused as a principal.
     */
    public static PolicyDocument pullPolicy(Partition partition, List<String> pullAccounts) {
        Principal[] members = pullAccounts.stream().map(account -> Principal.account(partition, account)).toArray(Principal[]::new);
        return PolicyDocument.of(
                Statement.allow("MemberAccountsPull")
                        .principal(members)
                        .actions(PULL_ACTIONS.toArray(String[]::new)),
                // The environment stacks resolve a configured tag to its digest (ecr.getImage) as their
                // deployer or previewer, so the running image is pinned by digest; that lookup is DescribeImages.
                Statement.allow("MemberAccountsResolveTags")
                        .principal(members)
                        .actions("ecr:DescribeImages"));
    }

    /** The owning account administers the key through IAM; ECR uses it through grants it creates itself. */
    public static PolicyDocument keyPolicy(Partition partition, String ownerAccount) {
        return PolicyDocument.of(Statement.administerKey("AccountAdministersKeyThroughIam", Principal.account(partition, ownerAccount)));
    }

    /**
     * Untagged images go after {@value #UNTAGGED_DAYS} days; of the rest, the newest {@code keepImages} stay.
     * ECR requires the {@code any} rule to have the highest priority number, so it is evaluated last.
     */
    public static String lifecyclePolicy(int keepImages) {
        Map<String, Object> untagged = rule(1, "Expire untagged images after " + UNTAGGED_DAYS + " days",
                Map.of("tagStatus", "untagged", "countType", "sinceImagePushed", "countUnit", "days", "countNumber", UNTAGGED_DAYS));
        Map<String, Object> keep = rule(2, "Keep the newest " + keepImages + " images",
                Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", keepImages));
        try {
            return JSON.writeValueAsString(Map.of("rules", List.of(untagged, keep)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> rule(int priority, String description, Map<String, Object> selection) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("rulePriority", priority);
        rule.put("description", description);
        rule.put("selection", new TreeMap<>(selection));
        rule.put("action", Map.of("type", "expire"));
        return rule;
    }
}
