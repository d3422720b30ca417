package io.quest.platform.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackRole;
import io.quest.platform.identity.CiIdentity;
import io.quest.platform.identity.ReviewRoles;
import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What CI previews and deploys, computed from the project's stack files so that a new environment stack
 * ({@code Pulumi.staging.yaml}, with {@code staging} in the shared stack's accounts) needs no workflow edit:
 * every stack except the shared stack, in dependency order, with the GitHub environment and CI role each
 * one runs under. The shared stack is the trust root: an administrator previews and applies it, and no CI
 * role can act in the shared account (docs/bootstrap.md).
 *
 * @param repository     the one GitHub repository whose runs may assume the CI roles ({@code quest-platform:ciRepository})
 * @param region         the shared stack's region: where CI's jobs call STS to assume the CI roles
 * @param previewRoleArn the CI preview role, which pull-request previews assume
 * @param stacks         the stacks CI previews and deploys, each after the stacks it reads
 * @param review         the review stacks ({@code pr-<n>}): the environment and account they run in and CI's review role,
 *                       which the review workflow deploys and destroys them with; empty when the shared stack has no
 *                       {@code state.reviewStacks}. Review stacks are never in {@code stacks}: they come and go with pull
 *                       requests, not merges
 */
public record CiStacks(String repository, String region, String previewRoleArn, List<CiStack> stacks, Optional<CiStack> review) {

    /** CI without review environments. */
    public CiStacks(String repository, String region, String previewRoleArn, List<CiStack> stacks) {
        this(repository, region, previewRoleArn, stacks, Optional.empty());
    }

    /** The names of the outputs {@link #githubOutputs()} writes; the workflows read them as {@code needs.<job>.outputs.<name>}. */
    public static final String MATRIX = "matrix";
    public static final String STACKS = "stacks";
    public static final String PREVIEW_ROLE_ARN = "preview-role-arn";
    public static final String AWS_REGION = "aws-region";
    public static final String REVIEW_ROLE_ARN = "review-role-arn";
    /** How the review stacks are named in {@link #review()}: one per pull request. */
    public static final String REVIEW_STACKS = "pr-<n>";

    private static final ObjectMapper JSON = new ObjectMapper();

    public CiStacks {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(previewRoleArn, "previewRoleArn");
        Objects.requireNonNull(review, "review");
        stacks = List.copyOf(stacks);
    }

    /**
     * The project in a directory, loaded and checked as {@code plan} loads it.
     *
     * @throws PlanException when a file is missing or malformed, or the stacks' configuration is invalid
     */
    public static CiStacks load(Path directory) {
        return of(Platform.load(directory));
    }

    /** The CI view of a checked platform. */
    public static CiStacks of(Platform platform) {
        Map<String, PlatformConfig> configs = platform.configs();
        List<PlatformConfig> shared = configs.values().stream().filter(c -> c.role() == StackRole.SHARED).toList();
        if (shared.size() != 1) {
            throw new PlanException("CI needs exactly one shared stack (quest-platform:role shared) to find its roles; found "
                    + shared.stream().map(c -> c.stack().stack()).toList());
        }
        PlatformConfig trustRoot = shared.get(0);
        String sharedAccount = trustRoot.accountId();

        List<CiStack> rows = new ArrayList<>();
        for (String stack : platform.order(List.of())) {
            PlatformConfig config = configs.get(stack);
            if (config.role() == StackRole.SHARED || config.role() == StackRole.REVIEW) {
                continue;
            }
            rows.add(new CiStack(stack, config.environment(), config.accountId(), config.region(),
                    CiIdentity.deployRoleArn(trustRoot.partition(), sharedAccount, config.environment())));
        }
        Optional<CiStack> review = trustRoot.shared().state().reviewStacks().map(env -> new CiStack(REVIEW_STACKS, env,
                trustRoot.shared().members().getOrDefault(env, ""), trustRoot.region(), ReviewRoles.ciRoleArn(trustRoot.partition(), sharedAccount)));
        return new CiStacks(trustRoot.shared().ciRepository(), trustRoot.region(), CiIdentity.previewRoleArn(trustRoot.partition(), sharedAccount),
                rows, review);
    }

    /** The deploy matrix: {@code {"include": [row, ...]}}, one job per stack, in dependency order. */
    public Map<String, Object> matrix() {
        return Map.of("include", stacks.stream().map(CiStack::toMap).toList());
    }

    /**
     * The step outputs the workflows consume, in the {@code name=value} lines of {@code $GITHUB_OUTPUT}:
     * {@value #MATRIX} (the deploy matrix as one line of JSON), {@value #STACKS} (stack names, space separated,
     * in dependency order), {@value #PREVIEW_ROLE_ARN}, {@value #AWS_REGION} and, with review environments,
     * {@value #REVIEW_ROLE_ARN}.
     */
    public Map<String, String> githubOutputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(MATRIX, json(matrix()));
        outputs.put(STACKS, String.join(" ", stacks.stream().map(CiStack::stack).toList()));
        outputs.put(PREVIEW_ROLE_ARN, previewRoleArn);
        outputs.put(AWS_REGION, region);
        review.ifPresent(r -> outputs.put(REVIEW_ROLE_ARN, r.deployRoleArn()));
        return outputs;
    }

    /** The whole view as one JSON document. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("repository", repository);
        root.put("region", region);
        root.put("previewRoleArn", previewRoleArn);
        root.put("stacks", stacks.stream().map(CiStack::toMap).toList());
        review.ifPresent(r -> root.put("review", r.toMap()));
        return json(root);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
