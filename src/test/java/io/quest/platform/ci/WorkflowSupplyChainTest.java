package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supply chain and the token scopes of the workflows: actions pinned to the commits of their release tags
 * (src/test/resources/ci/action-pins.tsv), one pinned Pulumi CLI, least permissions per job, no stored secret or
 * token anywhere, and deployments queued rather than cancelled or dropped.
 */
class WorkflowSupplyChainTest {

    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Pattern USES = Pattern.compile("^\\s*-?\\s*uses:\\s*([^@\\s]+)@(\\S+)\\s*(?:#\\s*(\\S+))?\\s*$");

    private static List<Workflow> workflows() {
        return Workflow.load(WORKFLOWS);
    }

    private static Workflow workflow(String file) {
        return workflows().stream().filter(w -> w.file().equals(file)).findFirst().orElseThrow();
    }

    /** action → {tag, commit} from the provenance table. */
    private static Map<String, List<String>> pins() throws IOException {
        Map<String, List<String>> pins = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/ci/action-pins.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t");
                pins.put(f[0], List.of(f[1], f[2]));
            }
        }
        return pins;
    }

    @Test
    void every_action_is_pinned_to_the_commit_of_the_release_tag_named_in_its_comment() throws IOException {
        Map<String, List<String>> pins = pins();
        Set<String> used = new LinkedHashSet<>();
        int references = 0;
        try (var files = Files.list(WORKFLOWS)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.contains("uses:")) {
                        continue;
                    }
                    Matcher m = USES.matcher(line);
                    assertThat(m.matches()).as(file + ": " + line).isTrue();
                    references++;
                    used.add(m.group(1));
                    assertThat(pins).as(file + " uses an action without a recorded pin: " + m.group(1)).containsKey(m.group(1));
                    assertThat(m.group(2)).as(file + ": " + line).matches("[0-9a-f]{40}").isEqualTo(pins.get(m.group(1)).get(1));
                    assertThat(m.group(3)).as(file + ": the version comment of " + line).isEqualTo(pins.get(m.group(1)).get(0));
                }
            }
        }
        assertThat(references).isEqualTo(36);
        assertThat(used).containsExactlyInAnyOrderElementsOf(pins.keySet());
    }

    @Test
    void every_job_installs_the_same_exact_pulumi_cli_version() {
        List<String> versions = new ArrayList<>();
        for (Workflow w : workflows()) {
            for (WorkflowJob job : w.jobs()) {
                job.stepsUsing("pulumi/actions@").forEach(step -> {
                    assertThat(step.path("with").has("command")).as(job.label() + " only installs the CLI").isFalse();
                    versions.add(step.path("with").path("pulumi-version").asText());
                });
                if (!job.stepsRunning("pulumi ").isEmpty() || !job.stepsRunning("quest-platform.jar deploy").isEmpty()) {
                    assertThat(job.stepsUsing("pulumi/actions@")).as(job.label() + " runs the Pulumi CLI it installed").hasSize(1);
                }
            }
        }
        assertThat(versions).hasSize(4).containsOnly("3.259.0");
    }

    @Test
    void no_workflow_grants_anything_at_workflow_level_and_each_job_holds_only_what_it_uses() {
        Map<String, Map<String, String>> permissions = new LinkedHashMap<>();
        for (Workflow w : workflows()) {
            assertThat(w.permissions()).as(w.file()).hasValueSatisfying(p -> assertThat(p.isObject() && p.isEmpty()).isTrue());
            for (WorkflowJob job : w.jobs()) {
                permissions.put(job.label(), job.permissions().orElseThrow());
            }
        }

        assertThat(permissions).containsExactly(
                Map.entry("deploy.yml job build", Map.of("contents", "read")),
                Map.entry("deploy.yml job reviewed", Map.of("actions", "read", "contents", "read", "pull-requests", "read")),
                Map.entry("deploy.yml job deploy", Map.of("contents", "read", "id-token", "write")),
                Map.entry("image.yml job image", Map.of("contents", "read", "id-token", "write")),
                Map.entry("preview.yml job test", Map.of("contents", "read")),
                Map.entry("preview.yml job preview", Map.of("contents", "read", "id-token", "write")),
                Map.entry("preview.yml job comment", Map.of("pull-requests", "write")),
                Map.entry("review.yml job build", Map.of("contents", "read")),
                Map.entry("review.yml job deploy", Map.of("contents", "read", "id-token", "write")),
                Map.entry("review.yml job destroy", Map.of("contents", "read", "id-token", "write")),
                Map.entry("review.yml job comment", Map.of("pull-requests", "write")));
    }

    @Test
    void the_review_comment_job_runs_no_code_and_review_runs_never_cancel_each_other() {
        WorkflowJob comment = workflow("review.yml").job("comment");
        assertThat(comment.steps()).hasSize(1).allSatisfy(step -> assertThat(step.has("run")).isFalse());
        assertThat(comment.stepsUsing("actions/checkout@")).isEmpty();

        JsonNode concurrency = workflow("review.yml").root().path("concurrency");
        assertThat(concurrency.path("group").asText()).isEqualTo("review-${{ github.event.pull_request.number }}");
        assertThat(concurrency.path("cancel-in-progress").asBoolean(true)).isFalse();
        // A closed pull request's stack is destroyed by the base branch's code.
        assertThat(workflow("review.yml").job("destroy").stepsUsing("actions/checkout@").get(0).path("with").path("ref").asText())
                .isEqualTo("${{ github.base_ref }}");
    }

    @Test
    void the_job_that_can_comment_runs_no_pull_request_code() {
        WorkflowJob comment = workflow("preview.yml").job("comment");

        assertThat(comment.steps()).hasSize(2).allSatisfy(step -> assertThat(step.has("run")).isFalse());
        assertThat(comment.stepsUsing("actions/checkout@")).isEmpty();
    }

    @Test
    void no_workflow_reads_a_secret_or_keeps_git_credentials() throws IOException {
        for (Workflow w : workflows()) {
            String text = Files.readString(WORKFLOWS.resolve(w.file()));
            assertThat(text).as(w.file()).doesNotContain("secrets.").doesNotContain("PULUMI_ACCESS_TOKEN")
                    .doesNotContain("aws-access-key-id").doesNotContain("aws-secret-access-key");
            for (WorkflowJob job : w.jobs()) {
                job.stepsUsing("actions/checkout@").forEach(step ->
                        assertThat(step.path("with").path("persist-credentials").asText()).as(job.label()).isEqualTo("false"));
            }
        }
    }

    @Test
    void every_job_that_runs_pulumi_logs_in_to_the_configured_backend_after_its_oidc_credentials() {
        for (Workflow w : workflows()) {
            for (WorkflowJob job : w.jobs()) {
                boolean runsPulumi = !job.stepsRunning("pulumi preview").isEmpty() || !job.stepsRunning("quest-platform.jar deploy").isEmpty();
                if (job.requestsIdToken() && runsPulumi) {
                    assertThat(job.env()).as(job.label()).containsEntry("PULUMI_BACKEND_URL", "${{ vars.PULUMI_BACKEND_URL }}");
                    List<JsonNode> steps = job.steps();
                    int credentials = steps.indexOf(job.stepsUsing("aws-actions/configure-aws-credentials@").get(0));
                    int firstPulumi = steps.indexOf(steps.stream().filter(s -> s.path("run").asText().contains("pulumi preview")
                            || s.path("run").asText().contains("quest-platform.jar deploy")).findFirst().orElseThrow());
                    assertThat(credentials).as(job.label()).isLessThan(firstPulumi);
                }
            }
        }
    }

    @Test
    void merges_queue_behind_a_deployment_waiting_for_approval_instead_of_cancelling_or_replacing_each_other() {
        JsonNode concurrency = workflow("deploy.yml").root().get("concurrency");
        WorkflowJob deploy = workflow("deploy.yml").job("deploy");

        assertThat(concurrency.path("group").asText()).isEqualTo("deploy");
        assertThat(concurrency.path("cancel-in-progress").asBoolean(true)).isFalse();
        assertThat(concurrency.path("queue").asText()).isEqualTo("max");
        assertThat(deploy.node().has("concurrency")).isFalse();
        assertThat(deploy.strategy().path("max-parallel").asInt()).isEqualTo(1);
        assertThat(deploy.strategy().path("fail-fast").asBoolean(false)).isTrue();
    }

    @Test
    void a_newer_commit_replaces_only_the_same_pull_requests_preview() {
        JsonNode concurrency = workflow("preview.yml").root().get("concurrency");

        assertThat(concurrency.path("group").asText()).isEqualTo("preview-${{ github.event.pull_request.number }}");
        assertThat(concurrency.path("cancel-in-progress").asBoolean()).isTrue();
    }
}
