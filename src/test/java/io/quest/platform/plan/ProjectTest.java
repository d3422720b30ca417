package io.quest.platform.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stack files are read the way the Pulumi CLI hands them to the program. */
class ProjectTest {

    @Test
    void config_is_read_as_the_pulumi_cli_passes_it(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), """
                name: quest-platform
                runtime: java
                config:
                  quest-platform:owner:
                    type: string
                    default: platform-team
                  quest-platform:production:
                    type: boolean
                """);
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), """
                config:
                  aws:region: eu-west-1
                  account: "012345678901"
                  quest-platform:production: false
                  quest-platform:network:
                    cidr: 10.10.0.0/16
                    availabilityZones: 2
                  quest-platform:tls:
                    mode: imported
                    privateKey:
                      secure: v1:abc:def
                """);

        StackFile dev = Project.load(dir).stacks().get("dev");

        assertThat(dev.config())
                .containsEntry("aws:region", "eu-west-1")
                .containsEntry("quest-platform:account", "012345678901")
                .containsEntry("quest-platform:production", "false")
                .containsEntry("quest-platform:owner", "platform-team")
                .containsEntry("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"availabilityZones\":2}")
                .containsEntry("quest-platform:tls", "{\"mode\":\"imported\",\"privateKey\":\"[secret]\"}");
        assertThat(dev.secretKeys()).containsExactly("quest-platform:tls");
    }

    @Test
    void a_stack_file_that_is_not_yaml_is_named_in_the_error(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: quest-platform\nruntime: java\n");
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config: [unclosed\n");

        assertThat(Project.load(dir).stacks().get("dev").problems()).singleElement().asString()
                .startsWith("Pulumi.dev.yaml:2:1: is not valid YAML");
    }
}
