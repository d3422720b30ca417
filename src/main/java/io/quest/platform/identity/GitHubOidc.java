package io.quest.platform.identity;

import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

/**
 * GitHub Actions as an OpenID Connect identity provider, and the trust policies that admit exactly one
 * repository's runs: every policy checks the audience and the exact subject, with {@code StringEquals}
 * and never a pattern, so no other repository, branch or environment matches.
 */
public final class GitHubOidc {

    /** The issuer of GitHub Actions' OIDC tokens. */
    public static final String URL = "https://token.actions.githubusercontent.com";
    /** The audience {@code aws-actions/configure-aws-credentials} requests. */
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
