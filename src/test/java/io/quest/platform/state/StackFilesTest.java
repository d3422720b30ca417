package io.quest.platform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's stack files against the state the shared stack provisions. The Pulumi CLI reads the top-level
 * {@code secretsprovider} and {@code encryptedkey} of a stack file (pulumi/pulumi 1b5949891b3cefcb9974752b24a5ecef0acc86c8,
 * sdk/go/common/workspace/project.go {@code ProjectStack}): with a cloud provider named and no {@code encryptedkey},
 * pkg/secrets/cloud/manager.go {@code NewCloudSecretsManager} makes a data key with {@code kms:Encrypt} and writes it
 * back; an {@code encryptionsalt} belongs to the passphrase provider, which a DIY backend's
 * {@code DefaultSecretManager} would pick and which clears {@code secretsprovider}.
 */
class StackFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Map<String, JsonNode> stackFiles() throws IOException {
        Map<String, JsonNode> files = new TreeMap<>();
        try (var paths = Files.list(Path.of(""))) {
            for (Path p : paths.filter(f -> f.getFileName().toString().matches("Pulumi\\.[^.]+\\.yaml")).toList()) {
                String stack = p.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", "");
                files.put(stack, YAML.readTree(p.toFile()));
            }
        }
        return files;
    }

    @Test
    void every_stack_file_names_the_state_key_in_the_shared_stack_s_region_as_its_secrets_provider() throws IOException {
        Map<String, JsonNode> files = stackFiles();
        String sharedRegion = files.get("shared").path("config").path("aws:region").asText();

        assertThat(files).containsKeys("shared", "dev", "prod");
        assertThat(files).allSatisfy((stack, file) -> {
            assertThat(file.path("secretsprovider").asText()).as(stack)
                    .isEqualTo(StateBackend.secretsProvider(sharedRegion))
                    .isEqualTo("awskms://alias/quest-platform-state?region=eu-west-1");
            assertThat(file.has("encryptionsalt")).as(stack + " has a passphrase salt").isFalse();
            if (file.has("encryptedkey")) {
                assertThat(file.path("encryptedkey").asText()).as(stack).matches("[A-Za-z0-9+/]+=*");
            }
        });
    }

    @Test
    void every_stack_a_stack_reads_is_one_the_shared_stack_lets_its_ci_roles_read() throws IOException {
        JsonNode state = stackFiles().get("shared").path("config").path("quest-platform:state");
        JsonNode reads = state.path("reads");
        List<String> dataStacks = new ArrayList<>();
        state.path("dataStacks").forEach(n -> dataStacks.add(n.asText()));
        List<String> unreadable = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (StackPlan plan : PlanFixture.repository().stacks()) {
            for (String reference : plan.references()) {
                String stack = reference.substring(reference.lastIndexOf('/') + 1);
                if (stack.equals("shared")) {
                    continue;
                }
                checked.add(plan.stack() + " -> " + stack);
                // A data stack is deployed by its environment's deploy role, which updates (so reads) the environment's stack.
                String environment = plan.stack().endsWith("-data") && dataStacks.contains(plan.stack().replaceFirst("-data$", ""))
                        ? plan.stack().replaceFirst("-data$", "") : plan.stack();
                List<String> granted = new ArrayList<>(List.of(environment));
                reads.path(environment).forEach(n -> granted.add(n.asText()));
                if (!granted.contains(stack)) {
                    unreadable.add(plan.stack() + " -> " + stack);
                }
            }
        }
        assertThat(checked).as("prod promotes dev's image").contains("prod -> dev");
        assertThat(checked).as("the data stacks read their environment's network").contains("dev-data -> dev", "prod-data -> prod");
        assertThat(unreadable).isEmpty();
    }
}
