package io.quest.platform.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.Project;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's model of the Java language host and the engine's config encoding, checked on the repository's own files. */
class LanguageHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("");

    @Test
    void the_program_is_started_as_java_dash_jar_with_the_binary_pulumi_yaml_names() {
        List<String> command = LanguageHost.command(Project.load(ROOT).projectFile());

        assertThat(command).hasSize(3);
        assertThat(Path.of(command.get(0)).getFileName()).hasToString("java");
        assertThat(command.subList(1, 3)).containsExactly("-jar", Path.of("target", "quest-platform.jar").toString());
    }

    @Test
    void structured_config_arrives_as_a_json_string_with_its_keys_sorted_and_scalars_as_their_text() throws Exception {
        Project project = Project.load(ROOT);
        Map<String, String> env = LanguageHost.environment(ProgramRun.update(project, "dev"), "127.0.0.1:1", "127.0.0.1:2", ROOT);

        Map<String, String> config = JSON.readValue(env.get("PULUMI_CONFIG"), new TypeReference<Map<String, String>>() { });
        assertThat(config).containsEntry("aws:region", "eu-west-1").containsEntry("quest-platform:account", "222222222222");
        String network = config.get("quest-platform:network");
        JsonNode parsed = JSON.readTree(network);
        assertThat(parsed.path("cidr").asText()).isEqualTo("10.10.0.0/16");
        assertThat(parsed.path("availabilityZones").isNumber()).isTrue();
        List<String> keys = new ArrayList<>();
        parsed.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted();
    }

    @Test
    void the_run_request_reaches_the_program_as_the_host_names_it() {
        Project project = Project.load(ROOT);
        Map<String, String> env = LanguageHost.environment(ProgramRun.update(project, "prod"), "127.0.0.1:1", "127.0.0.1:2", ROOT);

        assertThat(env).containsEntry("PULUMI_MONITOR", "127.0.0.1:1")
                .containsEntry("PULUMI_ENGINE", "127.0.0.1:2")
                .containsEntry("PULUMI_ORGANIZATION", "organization")
                .containsEntry("PULUMI_PROJECT", "quest-platform")
                .containsEntry("PULUMI_STACK", "prod")
                .containsEntry("PULUMI_DRY_RUN", "false")
                .containsEntry("PULUMI_CONFIG_SECRET_KEYS", "[]")
                .containsEntry("PULUMI_PWD", ROOT.toAbsolutePath().normalize().toString())
                .doesNotContainKey("PULUMI_TRACING");
    }
}
