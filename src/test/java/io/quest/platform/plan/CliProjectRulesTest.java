package io.quest.platform.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the Pulumi CLI refuses before it starts a program, refused by the planner in the CLI's words. Each
 * test names the CLI source it follows, in pulumi/pulumi at commit 1b5949891b3cefcb9974752b24a5ecef0acc86c8
 * (2026-08-21).
 */
class CliProjectRulesTest {

    @TempDir
    Path dir;

    private Project project(String projectYaml, String... stackFiles) throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), projectYaml);
        for (int i = 0; i < stackFiles.length; i += 2) {
            Files.writeString(dir.resolve(stackFiles[i]), stackFiles[i + 1]);
        }
        return Project.load(dir);
    }

    /** The repository's own files pass every rule: what {@code plan} accepts here, {@code pulumi preview} accepts. */
    @Test
    void the_repository_stack_files_pass_the_cli_rules() {
        Project repo = Project.load(Path.of(""));

        assertThat(repo.stacks()).containsKeys("shared", "dev", "prod");
        repo.stacks().values().forEach(file -> assertThat(file.problems()).as(file.file().toString()).isEmpty());
        assertThat(repo.declarations()).allSatisfy((key, decl) -> assertThat(decl.key()).startsWith("quest-platform:"));
    }

    /** pkg/workspace/config.go mergeConfig + missingStackConfigurationKeysError. */
    @Test
    void a_declared_key_without_default_is_required_in_every_stack() throws IOException {
        Project p = project("""
                name: quest-platform
                config:
                  account: {type: string}
                  owner: {type: string}
                  team: {default: platform}
                """, "Pulumi.dev.yaml", "config:\n  aws:region: eu-west-1\n");

        StackFile dev = p.stacks().get("dev");
        assertThat(dev.problems()).containsExactly("Pulumi.dev.yaml: Stack 'dev' is missing configuration values 'account' and 'owner'"
                + " (declared in Pulumi.yaml without a default); set them with pulumi config set --stack dev <key> <value>");
        assertThat(dev.config()).containsEntry("quest-platform:team", "platform").doesNotContainKey("quest-platform:account");
    }

    /** pkg/workspace/config.go validateStackConfigValue: a plain value arrives as text, a map as its JSON. */
    @Test
    void a_typed_key_must_hold_its_type() throws IOException {
        Project p = project("""
                name: quest-platform
                config:
                  azs: {type: integer}
                  production: {type: boolean}
                  zones: {type: array, items: {type: string}}
                  owner: {type: string}
                """, "Pulumi.dev.yaml", """
                config:
                  quest-platform:azs: "3"
                  quest-platform:production: yes
                  quest-platform:zones: [eu-west-1a, 2]
                  quest-platform:owner: {team: a}
                """);

        assertThat(p.stacks().get("dev").problems()).containsExactly(
                "Pulumi.dev.yaml: Stack 'dev' with configuration key 'owner' must be of type 'string'; got {\"team\":\"a\"}",
                "Pulumi.dev.yaml: Stack 'dev' with configuration key 'production' must be of type 'boolean'; got \"yes\"",
                "Pulumi.dev.yaml: Stack 'dev' with configuration key 'zones' must be of type 'array<string>'; got [\"eu-west-1a\",2]");
    }

    /** pkg/workspace/config.go validateStackConfigValue: "must be encrypted as it's secret". */
    @Test
    void a_secret_key_must_be_encrypted_in_the_stack_file() throws IOException {
        Project p = project("name: quest-platform\nconfig:\n  apiKey: {type: string, secret: true}\n  token: {secret: true}\n",
                "Pulumi.dev.yaml", "config:\n  quest-platform:apiKey: plain\n  quest-platform:token: {secure: v1:abc}\n");

        StackFile dev = p.stacks().get("dev");
        assertThat(dev.problems()).containsExactly("Pulumi.dev.yaml: Stack 'dev' with configuration key 'apiKey' must be encrypted as it's secret;"
                + " set it with pulumi config set --secret apiKey");
        assertThat(dev.secretKeys()).containsExactly("quest-platform:token");
        assertThat(dev.config()).containsEntry("quest-platform:token", Project.SECRET);
    }

    /** sdk/go/common/workspace/project.go Project.Validate and project.json. */
    @Test
    void declarations_the_cli_refuses_stop_the_project() throws IOException {
        assertThatThrownBy(() -> project("name: quest-platform\nconfig:\n  zones: {type: array}\n"))
                .hasMessageContaining("The configuration key 'zones' declares an array but does not specify the underlying type via the 'items' attribute");
        assertThatThrownBy(() -> project("name: quest-platform\nconfig:\n  azs: {type: integer, default: three}\n"))
                .hasMessageContaining("The default value specified for configuration key 'azs' is not of the expected type 'integer'");
        assertThatThrownBy(() -> project("name: quest-platform\nconfig:\n  aws:region: {default: eu-west-1}\n"))
                .hasMessageContaining("Configuration key 'aws:region' is not namespaced by the project and should not define a default value");
        assertThatThrownBy(() -> project("name: quest-platform\nconfig:\n  owner: {type: text}\n"))
                .hasMessageContaining("type 'text' is not a configuration type; expected one of string, integer, boolean, array, object");
        assertThatThrownBy(() -> project("name: quest-platform\nconfig:\n  owner: {default: a, value: b}\n"))
                .hasMessageContaining("project config 'owner' cannot have both a 'default' and 'value' attribute");
        assertThatThrownBy(() -> project("runtime: java\n")).hasMessageContaining("project is missing a 'name' attribute");
    }

    /** sdk/go/common/workspace/project.go RewriteShorthandConfigValues: a value for other namespaces, a default for ours. */
    @Test
    void short_hand_declarations_apply_as_the_cli_applies_them() throws IOException {
        Project p = project("name: quest-platform\nconfig:\n  owner: platform-team\n  aws:region: eu-west-1\n",
                "Pulumi.dev.yaml", "config:\n  owner: someone\n");

        assertThat(p.stacks().get("dev").config()).containsEntry("quest-platform:owner", "someone").containsEntry("aws:region", "eu-west-1");
    }

    /** go-yaml v3 decode.go: "mapping key already defined"; the CLI decodes stack files with yaml.v3. */
    @Test
    void a_key_given_twice_is_refused_with_both_lines() throws IOException {
        Project p = project("name: quest-platform\n", "Pulumi.dev.yaml", """
                config:
                  aws:region: eu-west-1
                  quest-platform:owner: a
                  quest-platform:owner: b
                """);

        assertThat(p.stacks().get("dev").problems()).containsExactly("Pulumi.dev.yaml:4:3: mapping key \"quest-platform:owner\" already defined"
                + " at line 3; the Pulumi CLI refuses a key given twice in one mapping: keep one");
    }

    /** go-yaml v3 resolve.go: YAML 1.2 plain scalars; sdk/go/common/resource/config/object.go turns the number into text. */
    @Test
    void yaml_is_read_as_yaml_1_2_the_way_the_cli_reads_it() throws IOException {
        Project p = project("name: quest-platform\n", "Pulumi.dev.yaml", """
                config:
                  quest-platform:account: 012345678901
                  quest-platform:production: yes
                  quest-platform:count: 0x10
                """);

        StackFile dev = p.stacks().get("dev");
        assertThat(dev.problems()).containsExactly("Pulumi.dev.yaml:2:27: 012345678901 is unquoted, so YAML reads it as the number 12345678901"
                + " and the leading zero is lost; quote it: \"012345678901\"");
        assertThat(dev.config()).containsEntry("quest-platform:account", "012345678901")
                .containsEntry("quest-platform:production", "yes")
                .containsEntry("quest-platform:count", "16");
    }

    /** sdk/go/common/workspace/project.go SimplifyMarshalledProject: "expected project to be an object". */
    @Test
    void a_stack_file_that_is_not_a_mapping_or_not_yaml_names_file_line_and_column() throws IOException {
        Project p = project("name: quest-platform\n",
                "Pulumi.dev.yaml", "- aws:region: eu-west-1\n",
                "Pulumi.prod.yaml", "config:\n  aws:region: [eu-west-1\n",
                "Pulumi.qa.yaml", "confg:\n  aws:region: eu-west-1\n");

        assertThat(p.stacks().get("dev").problems()).singleElement().asString().startsWith("Pulumi.dev.yaml: is not a mapping;");
        assertThat(p.stacks().get("prod").problems()).singleElement().asString().startsWith("Pulumi.prod.yaml:3:1: is not valid YAML");
        assertThat(p.stacks().get("qa").problems()).singleElement().asString()
                .startsWith("Pulumi.qa.yaml: 'confg' is not a stack file setting, so the Pulumi CLI would ignore it silently");
    }

    /** sdk/go/common/resource/config/key.go ParseKey. */
    @Test
    void a_key_with_too_many_colons_is_refused() throws IOException {
        Project p = project("name: quest-platform\n", "Pulumi.dev.yaml", "config:\n  quest-platform:network:cidr: 10.0.0.0/16\n  aws:config:region: eu-west-1\n");

        assertThat(p.stacks().get("dev").problems()).containsExactly("Pulumi.dev.yaml: config: could not parse quest-platform:network:cidr as a"
                + " configuration key (configuration keys should be of the form `<namespace>:<name>`)");
        assertThat(p.stacks().get("dev").config()).containsEntry("aws:region", "eu-west-1");
    }

    /** sdk/go/common/workspace/paths.go ProjectStackPath and findProjectInDir; project.go RewriteConfigPathIntoStackConfigDir. */
    @Test
    void stack_files_follow_stack_config_dir_and_the_project_file_extension() throws IOException {
        Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(dir.resolve("stacks/Pulumi.dev.yml"), "config:\n  aws:region: eu-west-1\n");
        Files.writeString(dir.resolve("stacks/Pulumi.prod.yaml"), "config:\n  aws:region: eu-west-1\n");
        Files.writeString(dir.resolve("Pulumi.qa.yml"), "config:\n  aws:region: eu-west-1\n");
        Files.writeString(dir.resolve("Pulumi.yml"), "name: quest-platform\nstackConfigDir: stacks\n");

        Project p = Project.load(dir);

        assertThat(p.projectFile().getFileName().toString()).isEqualTo("Pulumi.yml");
        assertThat(p.stacks()).containsOnlyKeys("dev", "prod");
        assertThat(p.stacks().get("dev").problems()).isEmpty();
        assertThat(p.stacks().get("prod").problems()).containsExactly("stacks/Pulumi.prod.yaml: the Pulumi CLI reads stack prod's settings from"
                + " Pulumi.prod.yml (the project file is Pulumi.yml) and ignores this file; rename it to Pulumi.prod.yml");

        Files.writeString(dir.resolve("Pulumi.yml"), "name: quest-platform\nstackConfigDir: stacks\nconfig: other\n");
        assertThatThrownBy(() -> Project.load(dir)).hasMessageContaining("Should not use both config and stackConfigDir");
    }
}
