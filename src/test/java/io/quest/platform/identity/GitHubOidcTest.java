package io.quest.platform.identity;

import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Who the CI roles' trust policies admit: exactly one repository's pull requests, or one of its environments. */
class GitHubOidcTest {

    private static final String PROVIDER = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";

    @Test
    void the_preview_trust_admits_exactly_pull_requests_of_the_repository_with_the_aws_audience() {
        Statement trust = GitHubOidc.trust(PROVIDER, GitHubOidc.pullRequestSubject("o/n")).statement("GitHubActions");

        assertThat(trust.principals()).containsExactly(Principal.federated(PROVIDER));
        assertThat(trust.actions()).containsExactly("sts:AssumeRoleWithWebIdentity");
        assertThat(trust.condition("StringEquals", "token.actions.githubusercontent.com:sub")).containsExactly("repo:o/n:pull_request");
        assertThat(trust.condition("StringEquals", "token.actions.githubusercontent.com:aud")).containsExactly("sts.amazonaws.com");
        assertThat(trust.conditions()).extracting(c -> c.test()).containsOnly("StringEquals");
    }

    @Test
    void the_deploy_trust_admits_exactly_one_environment() {
        PolicyDocument trust = GitHubOidc.trust(PROVIDER, GitHubOidc.environmentSubject("o/n", "prod"));

        assertThat(trust.statement("GitHubActions").condition("StringEquals", "token.actions.githubusercontent.com:sub"))
                .containsExactly("repo:o/n:environment:prod");
        assertThat(trust.toJson()).doesNotContain("*").doesNotContain("StringLike").doesNotContain("pull_request");
    }

    @Test
    void subjects_that_the_preview_trust_refuses() {
        String admitted = GitHubOidc.pullRequestSubject("o/n");
        Map<String, String> refused = Map.of(
                "a push to main", "repo:o/n:ref:refs/heads/main",
                "a deployment environment", "repo:o/n:environment:prod",
                "a fork with a longer name", "repo:o/n-fork:pull_request",
                "another owner", "repo:x/n:pull_request");

        refused.forEach((what, subject) -> assertThat(subject).as(what).isNotEqualTo(admitted));
        assertThat(refused).hasSize(4);
    }

    @Test
    void a_repository_with_immutable_subjects_is_named_by_owner_and_repository_ids_in_the_subject() {
        assertThat(GitHubOidc.environmentSubject("octo-org@123456/octo-repo@456789", "prod"))
                .isEqualTo("repo:octo-org@123456/octo-repo@456789:environment:prod");
        assertThat(GitHubOidc.pullRequestSubject("octo-org@123456/octo-repo@456789"))
                .isEqualTo("repo:octo-org@123456/octo-repo@456789:pull_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"o/*", "*", "o/n*", "*/n", "o", "o/n:environment:prod", "o/n/extra", "o/?", "o@1/n", "o@*/n@*", "o@1/n@x"})
    void a_subject_cannot_be_built_for_anything_but_exactly_one_repository(String repository) {
        assertThatIllegalArgumentException().isThrownBy(() -> GitHubOidc.pullRequestSubject(repository))
                .withMessageContaining("not exactly one GitHub repository");
    }

    @Test
    void an_environment_name_cannot_widen_the_subject() {
        assertThatIllegalArgumentException().isThrownBy(() -> GitHubOidc.environmentSubject("o/n", "*"));
        assertThatIllegalArgumentException().isThrownBy(() -> GitHubOidc.environmentSubject("o/n", "prod:x"));
    }
}
