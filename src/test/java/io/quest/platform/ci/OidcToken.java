package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import io.quest.platform.identity.GitHubOidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OIDC token GitHub gives a job, as far as an AWS trust policy reads it: its {@code sub} and {@code aud}.
 *
 * <p>The subject, from GitHub's "OpenID Connect reference", section "Example subject claims"
 * (https://docs.github.com/en/actions/reference/security/oidc; github/docs
 * content/actions/reference/security/oidc.md @ 051718f297e11fadbf357da1e8e756991eb2ed89, read 2026-12-02), for a
 * repository with the default subject template:
 * <ul>
 *   <li>a job that references an environment: {@code repo:ORG-NAME/REPO-NAME:environment:ENVIRONMENT-NAME},
 *       whatever the event;</li>
 *   <li>otherwise, a run triggered by a {@code pull_request} event: {@code repo:ORG-NAME/REPO-NAME:pull_request};</li>
 *   <li>otherwise the branch or tag: {@code repo:ORG-NAME/REPO-NAME:ref:refs/heads/BRANCH-NAME} or {@code ...:ref:refs/tags/TAG-NAME};</li>
 *   <li>a {@code :} inside a value is written {@code %3A};</li>
 *   <li>repositories created after 2026-07-15 (or opted in) use immutable subjects,
 *       {@code repo:OWNER@OWNER-ID/REPO@REPO-ID:...}: that form is what {@code quest-platform:ciRepository} then names.</li>
 * </ul>
 * The audience is what the job asks for: {@code aws-actions/configure-aws-credentials} asks for its
 * {@code audience} input, {@code sts.amazonaws.com} by default (action.yml and src/index.ts @ v6.2.3,
 * e6de054238d6b7531b4efff3b6587d9aade6a06c).
 *
 * @param subject  the {@code sub} claim
 * @param audience the {@code aud} claim
 */
record OidcToken(String subject, String audience) {

    /** A subject that no listed rule gives, for a trigger the check does not model; no trust can be meant for it. */
    static final String UNMODELLED = "<a subject the trust check does not model>";

    private static final Pattern LITERAL_BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");

    /**
     * Every subject a job can present: one for an environment; otherwise one per event and branch that starts
     * the workflow. A trigger whose ref is chosen at run time ({@code workflow_dispatch}, {@code schedule}, a
     * branch pattern, ...) gives {@link #UNMODELLED}, which the check refuses.
     */
    static List<String> subjects(String repository, Workflow workflow, Optional<String> environment) {
        String repo = "repo:" + repository;
        if (environment.isPresent()) {
            return List.of(repo + ":environment:" + environment.get().replace(":", "%3A"));
        }
        List<String> subjects = new ArrayList<>();
        for (String event : workflow.events()) {
            switch (event) {
                case "pull_request" -> subjects.add(repo + ":pull_request");
                case "push" -> {
                    JsonNode branches = workflow.event("push").map(p -> p.path("branches")).orElse(null);
                    if (branches == null || !branches.isArray() || branches.isEmpty()) {
                        subjects.add(UNMODELLED);
                    } else {
                        branches.forEach(b -> subjects.add(LITERAL_BRANCH.matcher(b.asText()).matches()
                                ? repo + ":ref:refs/heads/" + b.asText().replace(":", "%3A") : UNMODELLED));
                    }
                }
                default -> subjects.add(UNMODELLED);
            }
        }
        return subjects;
    }

    /** The audience a job's credentials step asks for. */
    static String audience(JsonNode credentialsStep) {
        String audience = credentialsStep.path("with").path("audience").asText("");
        return audience.isEmpty() ? GitHubOidc.AUDIENCE : audience;
    }
}
