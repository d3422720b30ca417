package io.quest.platform.ci;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.Project;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The workflows in .github/workflows joined with the offline plan of the repository's stacks: every job that asks
 * GitHub for an OIDC token presents a subject that exactly one planned role trusts, and that role is the one its
 * work needs (the deploy role of the stack's environment, or the preview role), with nothing broader.
 */
class WorkflowTrustTest {

    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final String REPO = "repo:acme/quest-platform";
    private static final String ROLES = "arn:aws:iam::111111111111:role/";
    private static final String MATRIX_ENVIRONMENT = "environment: ${{ matrix.environment }}";

    private static Plan plan;
    private static CiStacks ci;

    @BeforeAll
    static void load() {
        plan = PlanFixture.repository();
        ci = CiStacks.load(Path.of(""));
    }

    private static List<Workflow> workflows() {
        return Workflow.load(WORKFLOWS);
    }

    /** The repository's workflows with one file's text changed. */
    private static List<Workflow> changed(String file, String from, String to) throws IOException {
        String text = Files.readString(WORKFLOWS.resolve(file));
        assertThat(text).as("the text to change in " + file).contains(from);
        List<Workflow> result = new ArrayList<>();
        for (Workflow w : workflows()) {
            result.add(w.file().equals(file) ? Workflow.parse(file, text.replace(from, to)) : w);
        }
        return result;
    }

    @Test
    void every_job_that_asks_for_an_oidc_token_is_trusted_by_exactly_the_role_its_work_needs() {
        WorkflowTrust trust = WorkflowTrust.check(workflows(), ci, plan);

        assertThat(trust.problems()).isEmpty();
        assertThat(trust.grants()).extracting(WorkflowTrust.Grant::job, WorkflowTrust.Grant::subject, WorkflowTrust.Grant::roleArn)
                .containsExactly(
                        tuple("deploy.yml job deploy", REPO + ":environment:dev", ROLES + "quest-platform-ci-deploy-dev"),
                        // dev-data: the data stack deploys in its environment, with that environment's deploy role
                        tuple("deploy.yml job deploy", REPO + ":environment:dev", ROLES + "quest-platform-ci-deploy-dev"),
                        tuple("deploy.yml job deploy", REPO + ":environment:prod", ROLES + "quest-platform-ci-deploy-prod"),
                        tuple("deploy.yml job deploy", REPO + ":environment:prod", ROLES + "quest-platform-ci-deploy-prod"),
                        tuple("preview.yml job preview", REPO + ":pull_request", ROLES + "quest-platform-ci-preview"),
                        // review stacks: brought up and destroyed in the review environment, with CI's review role
                        tuple("review.yml job deploy", REPO + ":environment:review", ROLES + "quest-platform-ci-review"),
                        tuple("review.yml job destroy", REPO + ":environment:review", ROLES + "quest-platform-ci-review"));
    }

    private static final String REVIEW_ENVIRONMENT = "    environment: review      # the OIDC subject";

    @Test
    void a_review_job_without_its_environment_presents_the_pull_request_subject_whose_role_cannot_reach_the_reviewer() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("review.yml", REVIEW_ENVIRONMENT, "    # no environment; the OIDC subject"), ci, plan);

        assertThat(trust.problems()).anyMatch(p -> p.startsWith("review.yml job deploy presents the subject " + REPO + ":pull_request,"
                + " trusted by quest-platform-ci-preview, which may assume [") && p.endsWith("bringing up a review stack needs exactly"
                + " [arn:aws:iam::222222222222:role/quest-platform-reviewer] (quest-platform-ci-review)"));
    }

    @Test
    void a_review_job_in_devs_environment_would_get_devs_deploy_role_which_cannot_reach_the_reviewer() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("review.yml", REVIEW_ENVIRONMENT, "    environment: dev      # the OIDC subject"), ci, plan);

        assertThat(trust.problems()).contains("review.yml job deploy presents the subject " + REPO + ":environment:dev, trusted by"
                + " quest-platform-ci-deploy-dev, which may assume [arn:aws:iam::222222222222:role/quest-platform-deployer]; bringing up a"
                + " review stack needs exactly [arn:aws:iam::222222222222:role/quest-platform-reviewer] (quest-platform-ci-review)");
    }

    @Test
    void a_review_job_without_the_reviewer_switch_would_ask_for_the_deployer() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("review.yml",
                "          QUEST_PLATFORM_PROVIDER_ROLE: reviewer   # the stack's provider assumes dev's reviewer\n", ""), ci, plan);

        assertThat(trust.problems()).containsExactly("review.yml job deploy bringing up a review stack with QUEST_PLATFORM_PROVIDER_ROLE=\"\";"
                + " expected \"reviewer\", so that each stack's provider assumes its account's reviewer");
    }

    @Test
    void the_review_role_is_the_only_role_that_trusts_the_review_environment_and_the_preview_role_does_not() {
        WorkflowTrust trust = WorkflowTrust.check(workflows(), ci, plan);

        assertThat(trust.grants()).filteredOn(g -> g.subject().endsWith(":environment:review"))
                .extracting(WorkflowTrust.Grant::roleArn).containsOnly(ROLES + "quest-platform-ci-review");
        assertThat(trust.grants()).filteredOn(g -> g.roleArn().endsWith("quest-platform-ci-review"))
                .extracting(WorkflowTrust.Grant::subject).containsOnly(REPO + ":environment:review");
        assertThat(ci.review()).hasValueSatisfying(r -> {
            assertThat(r.account()).isEqualTo("222222222222");
            assertThat(r.environment()).isEqualTo("dev");
        });
        assertThat(ci.stacks()).extracting(CiStack::stack).noneMatch(s -> s.startsWith("pr-"));
    }

    @Test
    void the_roles_the_check_finds_are_the_ones_the_shared_stack_exports() {
        @SuppressWarnings("unchecked")
        Map<String, String> deployRoles = (Map<String, String>) plan.stack("shared").outputs().get("ciDeployRoleArns");

        assertThat(ci.previewRoleArn()).isEqualTo(plan.stack("shared").outputs().get("ciPreviewRoleArn"));
        assertThat(ci.stacks()).extracting(CiStack::deployRoleArn).containsExactly(deployRoles.get("dev"), deployRoles.get("dev"),
                deployRoles.get("prod"), deployRoles.get("prod"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"environment: production", "environment: deploy-${{ matrix.environment }}", "environment: ${{ matrix.stack }}-deploy"})
    void renaming_the_deploy_jobs_environment_leaves_its_subject_trusted_by_no_role(String renamed) throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("deploy.yml", MATRIX_ENVIRONMENT, renamed), ci, plan);
        String environment = renamed.substring("environment: ".length())
                .replace("${{ matrix.environment }}", "dev").replace("${{ matrix.stack }}", "dev");

        assertThat(trust.problems()).contains("deploy.yml job deploy dev presents the subject " + REPO + ":environment:" + environment
                + ", which no role of the plan trusts; deploying dev needs quest-platform-ci-deploy-dev");
        assertThat(trust.problems()).contains("stack dev is deployed by 0 job instances that pass the trust check; expected 1");
    }

    @Test
    void a_deploy_job_in_another_stacks_environment_is_trusted_by_a_role_that_cannot_reach_its_stack() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("deploy.yml", MATRIX_ENVIRONMENT, "environment: prod"), ci, plan);

        assertThat(trust.problems()).contains(
                "deploy.yml job deploy dev presents the subject " + REPO + ":environment:prod, trusted by quest-platform-ci-deploy-prod,"
                        + " which may assume [arn:aws:iam::333333333333:role/quest-platform-deployer]; deploying dev needs exactly"
                        + " [arn:aws:iam::222222222222:role/quest-platform-deployer] (quest-platform-ci-deploy-dev)",
                "deploy.yml job deploy dev assumes " + ROLES + "quest-platform-ci-deploy-dev but its subject " + REPO
                        + ":environment:prod is trusted by " + ROLES + "quest-platform-ci-deploy-prod");
    }

    @Test
    void a_deploy_job_without_an_environment_presents_branch_subjects_no_role_trusts() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("deploy.yml", "    " + MATRIX_ENVIRONMENT, "    # no environment"), ci, plan);

        assertThat(trust.problems()).contains(
                "deploy.yml job deploy dev presents the subject " + REPO + ":ref:refs/heads/main, which no role of the plan trusts;"
                        + " deploying dev needs quest-platform-ci-deploy-dev");
        assertThat(trust.problems()).anyMatch(p -> p.startsWith("deploy.yml job deploy dev asks for an OIDC token without an"
                + " environment on a trigger whose subject names a ref chosen at run time ([push, workflow_dispatch])"));
    }

    @Test
    void a_preview_job_given_a_deploy_environment_would_be_trusted_by_a_deploy_role() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("preview.yml",
                "    needs: test\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n",
                "    needs: test\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    environment: dev\n"), ci, plan);

        assertThat(trust.problems()).anyMatch(p -> p.startsWith("preview.yml job preview presents the subject " + REPO
                + ":environment:dev, trusted by quest-platform-ci-deploy-dev, which may assume"));
    }

    @Test
    void a_preview_without_the_previewer_switch_would_ask_for_the_deployer() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("preview.yml", "QUEST_PLATFORM_PROVIDER_ROLE: previewer", "OTHER: x"), ci, plan);

        assertThat(trust.problems()).containsExactly("preview.yml job preview previewing [dev, dev-data, prod, prod-data] with QUEST_PLATFORM_PROVIDER_ROLE=\"\";"
                + " expected \"previewer\", so that each stack's provider assumes its account's previewer");
    }

    @Test
    void a_job_that_asks_for_a_token_but_neither_previews_nor_deploys_is_refused() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("preview.yml",
                "    timeout-minutes: 20\n    permissions:\n      contents: read\n",
                "    timeout-minutes: 20\n    permissions:\n      contents: read\n      id-token: write\n"), ci, plan);

        assertThat(trust.problems()).containsExactly("preview.yml job test asks for an OIDC token but runs 0 deploy and 0 preview steps;"
                + " a job that asks for a token deploys one stack or previews stacks, nothing else");
    }

    @Test
    void a_job_that_inherits_a_workflow_wide_token_permission_is_checked_too() throws IOException {
        List<Workflow> workflows = changed("preview.yml", "permissions: {}\n", "permissions:\n  id-token: write\n");
        Workflow preview = workflows.stream().filter(w -> w.file().equals("preview.yml")).findFirst().orElseThrow();
        ((com.fasterxml.jackson.databind.node.ObjectNode) preview.job("test").node()).remove("permissions");

        WorkflowTrust trust = WorkflowTrust.check(workflows, ci, plan);

        assertThat(preview.job("test").requestsIdToken()).isTrue();
        assertThat(trust.problems()).contains("preview.yml job test asks for an OIDC token but runs 0 deploy and 0 preview steps;"
                + " a job that asks for a token deploys one stack or previews stacks, nothing else");
    }

    @Test
    void a_matrix_that_is_not_the_stacks_commands_output_cannot_be_trusted() throws IOException {
        WorkflowTrust trust = WorkflowTrust.check(changed("deploy.yml", "fromJSON(needs.build.outputs.matrix)", "fromJSON(needs.reviewed.outputs.digests)"), ci, plan);

        assertThat(trust.problems()).contains("deploy.yml job deploy: needs.reviewed.outputs.digests comes from a step that does not run"
                + " `quest-platform.jar stacks --github-output`");
    }

    @Test
    void adding_an_environment_stack_adds_its_deploy_job_without_a_workflow_edit(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        for (Map.Entry<String, String> file : PlanFixture.repositoryStackFiles().entrySet()) {
            String text = file.getKey().equals("shared")
                    ? file.getValue().replace("    prod: \"333333333333\"", "    staging: \"444444444444\"\n    prod: \"333333333333\"")
                    : file.getValue();
            Files.writeString(dir.resolve("Pulumi." + file.getKey() + ".yaml"), text);
        }
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), PlanFixture.environment("444444444444", "10.30.0.0/16"));
        Plan withStaging = PlanFixture.planner().plan(Project.load(dir), List.of());

        WorkflowTrust trust = WorkflowTrust.check(workflows(), CiStacks.load(dir), withStaging);

        assertThat(trust.problems()).isEmpty();
        assertThat(trust.grants()).extracting(WorkflowTrust.Grant::subject, WorkflowTrust.Grant::roleArn).contains(
                tuple(REPO + ":environment:staging", ROLES + "quest-platform-ci-deploy-staging"));
        assertThat(trust.grants()).filteredOn(g -> g.does().equals("preview")).singleElement()
                .satisfies(g -> assertThat(g.stacks()).containsExactlyInAnyOrder("dev", "dev-data", "prod", "prod-data", "staging"));
    }
}
