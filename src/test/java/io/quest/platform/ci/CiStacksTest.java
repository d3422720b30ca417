package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What CI previews and deploys, read from the stack files: every stack but the shared one, in dependency order. */
class CiStacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path project(Path dir, Map<String, String> stackFiles) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        for (Map.Entry<String, String> file : stackFiles.entrySet()) {
            Files.writeString(dir.resolve("Pulumi." + file.getKey() + ".yaml"), file.getValue());
        }
        return dir;
    }

    @Test
    void the_repository_deploys_dev_then_prod_each_in_the_environment_of_its_name_and_never_the_shared_stack() {
        CiStacks ci = CiStacks.load(Path.of(""));

        assertThat(ci.repository()).isEqualTo("acme/quest-platform");
        assertThat(ci.region()).isEqualTo("eu-west-1");
        assertThat(ci.previewRoleArn()).isEqualTo("arn:aws:iam::111111111111:role/quest-platform-ci-preview");
        assertThat(ci.stacks()).containsExactly(
                new CiStack("dev", "dev", "222222222222", "eu-west-1", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev"),
                new CiStack("dev-data", "dev", "222222222222", "eu-west-1", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev"),
                new CiStack("prod", "prod", "333333333333", "eu-west-1", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod"),
                new CiStack("prod-data", "prod", "333333333333", "eu-west-1", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod"));
    }

    @Test
    void a_network_stack_deploys_before_the_stack_that_reads_it_in_the_environment_of_its_account(@TempDir Path dir) throws IOException {
        CiStacks ci = CiStacks.load(project(dir, Map.of(
                "shared", PlanFixture.SHARED,
                "prod-network", PlanFixture.environment("333333333333", "10.20.0.0/16"),
                "prod", PlanFixture.environment("333333333333", "10.20.0.0/16").replace("    cidr: 10.20.0.0/16\n",
                        "    fromStack: organization/quest-platform/prod-network\n"))));

        assertThat(ci.stacks()).extracting(CiStack::stack, CiStack::environment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prod-network", "prod"), org.assertj.core.groups.Tuple.tuple("prod", "prod"));
        assertThat(ci.stacks()).extracting(CiStack::deployRoleArn).containsOnly("arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod");
    }

    @Test
    void the_workflow_outputs_are_one_line_each_with_the_matrix_as_json_rows_in_order() throws IOException {
        Map<String, String> outputs = CiStacks.load(Path.of("")).githubOutputs();
        JsonNode matrix = JSON.readTree(outputs.get(CiStacks.MATRIX));

        assertThat(outputs).containsOnlyKeys("matrix", "stacks", "preview-role-arn", "aws-region", "review-role-arn");
        assertThat(outputs.get(CiStacks.REVIEW_ROLE_ARN)).isEqualTo("arn:aws:iam::111111111111:role/quest-platform-ci-review");
        assertThat(outputs.values()).noneMatch(v -> v.contains("\n"));
        assertThat(outputs.get(CiStacks.STACKS)).isEqualTo("dev dev-data prod prod-data");
        assertThat(matrix.get("include")).hasSize(4);
        assertThat(matrix.at("/include/2/stack").asText()).isEqualTo("prod");
        assertThat(matrix.at("/include/2/environment").asText()).isEqualTo("prod");
        assertThat(matrix.at("/include/2/deployRoleArn").asText()).isEqualTo("arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod");
        // A data stack deploys right after its environment's stack, in that environment, with its deploy role.
        assertThat(matrix.at("/include/1/stack").asText()).isEqualTo("dev-data");
        assertThat(matrix.at("/include/1/environment").asText()).isEqualTo("dev");
        assertThat(matrix.at("/include/3/stack").asText()).isEqualTo("prod-data");
    }

    @Test
    void the_command_appends_the_outputs_for_github_and_prints_json(@TempDir Path dir) throws IOException {
        Path githubOutput = Files.writeString(dir.resolve("github-output"), "earlier=kept\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new CommandLine(new StacksCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute("--format", "json", "--github-output", githubOutput.toString());

        assertThat(exit).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).at("/stacks/0/stack").asText()).isEqualTo("dev");
        assertThat(Files.readAllLines(githubOutput)).hasSize(6).startsWith("earlier=kept")
                .anyMatch(line -> line.startsWith("matrix={\"include\":[{\"stack\":\"dev\","))
                .contains("stacks=dev dev-data prod prod-data", "preview-role-arn=arn:aws:iam::111111111111:role/quest-platform-ci-preview", "aws-region=eu-west-1",
                        "review-role-arn=arn:aws:iam::111111111111:role/quest-platform-ci-review");
    }

    @Test
    void a_configuration_problem_is_exit_1_with_the_message_and_no_outputs(@TempDir Path dir) throws IOException {
        project(dir, Map.of("shared", PlanFixture.SHARED, "dev", PlanFixture.environment("222222222222", "10.300.0.0/16")));
        Path githubOutput = dir.resolve("github-output");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new CommandLine(new StacksCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute("--cwd", dir.toString(), "--github-output", githubOutput.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: stack dev has a configuration problem:")
                .contains("quest-platform:network.cidr: \"10.300.0.0/16\" is not an IPv4 CIDR").doesNotContain("Exception");
        assertThat(githubOutput).doesNotExist();
    }
}
