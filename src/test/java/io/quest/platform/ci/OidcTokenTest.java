package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.identity.GitHubOidc;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The subject and audience model, and how a trust policy is read against them. */
class OidcTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";

    private static Workflow on(String triggers) {
        return Workflow.parse("w.yml", "on:\n" + triggers + "jobs: {}\n");
    }

    private static JsonNode trust(String conditions) throws Exception {
        return JSON.readTree("""
                {"Version":"2012-10-17","Statement":[{"Sid":"GitHubActions","Effect":"Allow",
                 "Principal":{"Federated":"%s"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":%s}]}
                """.formatted(PROVIDER, conditions));
    }

    @Test
    void an_environment_decides_the_subject_whatever_the_event() {
        assertThat(OidcToken.subjects("o/n", on("  pull_request:\n"), Optional.of("prod"))).containsExactly("repo:o/n:environment:prod");
        assertThat(OidcToken.subjects("o/n", on("  push:\n    branches: [main]\n"), Optional.of("Prod:V1")))
                .containsExactly("repo:o/n:environment:Prod%3AV1");
    }

    @Test
    void without_an_environment_a_pull_request_gives_pull_request_and_a_push_its_branch() {
        assertThat(OidcToken.subjects("o/n", on("  pull_request:\n    branches: [main]\n"), Optional.empty())).containsExactly("repo:o/n:pull_request");
        assertThat(OidcToken.subjects("o/n", on("  push:\n    branches: [main, release]\n"), Optional.empty()))
                .containsExactly("repo:o/n:ref:refs/heads/main", "repo:o/n:ref:refs/heads/release");
    }

    @Test
    void a_ref_chosen_at_run_time_is_not_modelled() {
        assertThat(OidcToken.subjects("o/n", on("  workflow_dispatch:\n"), Optional.empty())).containsExactly(OidcToken.UNMODELLED);
        assertThat(OidcToken.subjects("o/n", on("  push:\n    branches: ['release/*']\n"), Optional.empty())).containsExactly(OidcToken.UNMODELLED);
        assertThat(OidcToken.subjects("o/n", on("  pull_request_target:\n"), Optional.empty())).containsExactly(OidcToken.UNMODELLED);
    }

    @Test
    void an_immutable_repository_name_is_part_of_the_subject_as_configured() {
        assertThat(OidcToken.subjects("octo-org@123456/octo-repo@456789", on("  pull_request:\n"), Optional.empty()))
                .containsExactly("repo:octo-org@123456/octo-repo@456789:pull_request");
    }

    @Test
    void the_shipped_trust_admits_exactly_its_subject_and_audience() {
        JsonNode shipped = JSON.valueToTree(JSON.convertValue(
                readTree(GitHubOidc.trust(PROVIDER, "repo:o/n:environment:dev").toJson()), Object.class));
        List<String> providers = List.of(PROVIDER);

        assertThat(Admission.of(shipped, providers, new OidcToken("repo:o/n:environment:dev", "sts.amazonaws.com"))).isEqualTo(Admission.EXACT);
        assertThat(Admission.of(shipped, providers, new OidcToken("repo:o/n:environment:prod", "sts.amazonaws.com"))).isEqualTo(Admission.REFUSED);
        assertThat(Admission.of(shipped, providers, new OidcToken("repo:o/n:environment:dev", "https://github.com/o"))).isEqualTo(Admission.REFUSED);
        assertThat(Admission.of(shipped, List.of("arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com"),
                new OidcToken("repo:o/n:environment:dev", "sts.amazonaws.com"))).isEqualTo(Admission.REFUSED);
    }

    @Test
    void patterns_and_missing_conditions_admit_more_than_one_subject() throws Exception {
        OidcToken dev = new OidcToken("repo:o/n:environment:dev", "sts.amazonaws.com");
        List<String> providers = List.of(PROVIDER);

        assertThat(Admission.of(trust("""
                {"StringLike":{"token.actions.githubusercontent.com:sub":"repo:o/n:*"},
                 "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"""), providers, dev)).isEqualTo(Admission.BROADER);
        assertThat(Admission.of(trust("""
                {"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/n:environment:dev"}}"""), providers, dev)).isEqualTo(Admission.BROADER);
        assertThat(Admission.of(trust("""
                {"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"""), providers, dev)).isEqualTo(Admission.BROADER);
        assertThat(Admission.of(trust("""
                {"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
                 "token.actions.githubusercontent.com:sub":["repo:o/n:environment:dev","repo:o/n:environment:prod"]}}"""), providers, dev))
                .isEqualTo(Admission.BROADER);
        assertThat(Admission.of(trust("""
                {"StringLike":{"token.actions.githubusercontent.com:sub":"repo:x/*"}}"""), providers, dev)).isEqualTo(Admission.REFUSED);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
