package io.quest.platform.identity;

import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.List;

/**
 * GitHub Actions as an OpenID Connect identity provider, and the trust policies that admit exactly one
 * repository's runs: every policy checks the audience and the exact subject, with {@code StringEquals}, so no other
 * repository, branch or environment matches; the one pattern is a release build's tag name ({@link #releaseSubjects}).
 */
public final class GitHubOidc {

    /** The issuer of GitHub Actions' OIDC tokens. */
    public static final String URL = "https://token.actions.githubusercontent.com";
    /**
     * The audience {@code aws-actions/configure-aws-credentials} requests: its input's default, the same in every
     * partition, passed to GitHub's token request unchanged (action.yml and src/index.ts of
     * aws-actions/configure-aws-credentials at 0271a818bc5a and 0a2792614c9b, read 2026-12-02). It names what the
     * workflow asks for, not a service principal, so it is not spelled by the partition.
     */
    public static final String AUDIENCE = "sts.amazonaws.com";
    /** The condition key prefix IAM gives this provider's claims. */
    public static final String CLAIM = "token.actions.githubusercontent.com";
    /**
     * Thumbprints of GitHub's OIDC certificate chain. IAM trusts GitHub through its own CA library and no
     * longer checks them, but the API still requires one.
     */
    public static final String[] THUMBPRINTS = {"6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"};

    private GitHubOidc() {
    }

    /** The subject of a run triggered by a pull request: {@code repo:owner/name:pull_request}. */
    public static String pullRequestSubject(String repository) {
        return "repo:" + requireExact(repository) + ":pull_request";
    }

    /** The subject of a job that runs in a GitHub environment: {@code repo:owner/name:environment:prod}. */
    public static String environmentSubject(String repository, String environment) {
        if (!environment.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a GitHub environment name usable in a subject: " + environment);
        }
        return "repo:" + requireExact(repository) + ":environment:" + environment;
    }

    /** The default branch a release is built from. */
    public static final String RELEASE_BRANCH = "main";
    /** Release tags: {@code v} and anything after it ({@code v1.4.2}). */
    public static final String RELEASE_TAGS = "v*";

    /**
     * The subjects of a repository's release builds: a push to {@code main}, and a push of a release tag
     * ({@code repo:owner/name:ref:refs/tags/v*}). The tag pattern's {@code *} cannot leave the tag name: a Git ref name
     * never holds a {@code :} (https://git-scm.com/docs/git-check-ref-format, read 2026-12-02), and the subject puts the
     * repository and the ref type before it.
     */
    public static List<String> releaseSubjects(String repository) {
        String repo = "repo:" + requireExact(repository) + ":ref:refs/";
        return List.of(repo + "heads/" + RELEASE_BRANCH, repo + "tags/" + RELEASE_TAGS);
    }

    /** Trust for tokens whose subject matches one of these patterns (see {@link #releaseSubjects}), with the AWS audience. */
    public static PolicyDocument trustLike(String providerArn, List<String> subjects) {
        return PolicyDocument.of(Statement.allow("GitHubActions")
                .principal(Principal.federated(providerArn))
                .actions("sts:AssumeRoleWithWebIdentity")
                .when("StringEquals", CLAIM + ":aud", AUDIENCE)
                .when("StringLike", CLAIM + ":sub", subjects.toArray(String[]::new)));
    }

    /** Trust for tokens of exactly this subject, with the AWS audience. */
    public static PolicyDocument trust(String providerArn, String subject) {
        return PolicyDocument.of(Statement.allow("GitHubActions")
                .principal(Principal.federated(providerArn))
                .actions("sts:AssumeRoleWithWebIdentity")
                .when("StringEquals", CLAIM + ":aud", AUDIENCE)
                .when("StringEquals", CLAIM + ":sub", subject));
    }

    /**
     * The repository part of a subject: {@code owner/name}, or {@code owner@OWNER-ID/name@REPO-ID} for a repository
     * whose subjects are immutable (created after 2026-07-15, or opted in: "Immutable subject claims",
     * https://docs.github.com/en/actions/reference/security/oidc, read 2026-12-02).
     */
    private static String requireExact(String repository) {
        if (!repository.matches("[A-Za-z0-9-]+/[A-Za-z0-9._-]+") && !repository.matches("[A-Za-z0-9-]+@\\d+/[A-Za-z0-9._-]+@\\d+")) {
            throw new IllegalArgumentException("not exactly one GitHub repository (owner/name or owner@ID/name@ID, no wildcards): " + repository);
        }
        return repository;
    }
}
