package io.quest.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanServerFilesTest {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path tmp;

    private Optional<PlanServerFiles> files(Map<String, String> environment, Path jar, String javaHome, String os, String... arguments) {
        return PlanServerFiles.forCommand(arguments, environment, jar, javaHome, "17.0.15+6", os, tmp.toString(), USER);
    }

    private Path jar() throws IOException {
        Path jar = tmp.resolve("quest-platform.jar");
        return Files.exists(jar) ? jar : Files.writeString(jar, "a jar");
    }

    @Test
    void the_server_is_on_unless_turned_off_and_off_in_ci_unless_turned_on() {
        assertThat(PlanServerFiles.enabled(Map.of())).isTrue();
        assertThat(PlanServerFiles.enabled(Map.of("CI", "true"))).isFalse();
        assertThat(PlanServerFiles.enabled(Map.of("CI", "1"))).isFalse();
        assertThat(PlanServerFiles.enabled(Map.of("CI", "false"))).isTrue();
        assertThat(PlanServerFiles.enabled(Map.of("CI", "true", "QUEST_PLAN_SERVER", "on"))).isTrue();
        assertThat(PlanServerFiles.enabled(Map.of("QUEST_PLAN_SERVER", "off"))).isFalse();
    }

    @Test
    void any_other_setting_is_an_error_naming_the_variable_the_value_and_what_is_expected() {
        assertThatThrownBy(() -> PlanServerFiles.enabled(Map.of("QUEST_PLAN_SERVER", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QUEST_PLAN_SERVER: \"yes\" is not a plan server setting; expected on or off");
    }

    @Test
    void only_plan_is_served_and_not_on_windows_or_when_turned_off() throws IOException {
        assertThat(files(Map.of(), jar(), "/opt/jdk", "Linux", "plan", "dev")).isPresent();
        assertThat(files(Map.of(), jar(), "/opt/jdk", "Linux", "gate", "preview.json")).isEmpty();
        assertThat(files(Map.of(), jar(), "/opt/jdk", "Linux")).isEmpty();
        assertThat(files(Map.of(), jar(), "/opt/jdk", "Windows 11", "plan")).isEmpty();
        assertThat(files(Map.of("QUEST_PLAN_SERVER", "off"), jar(), "/opt/jdk", "Linux", "plan")).isEmpty();
    }

    @Test
    void a_rebuilt_jar_or_another_jdk_has_a_server_of_its_own() throws IOException {
        String key = files(Map.of(), jar(), "/opt/jdk", "Linux", "plan").orElseThrow().key();

        assertThat(files(Map.of(), jar(), "/opt/jdk", "Linux", "plan", "--format", "json").orElseThrow().key())
                .as("the arguments are not part of the key").isEqualTo(key);
        assertThat(files(Map.of(), jar(), "/opt/other-jdk", "Linux", "plan").orElseThrow().key()).isNotEqualTo(key);
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(Files.getLastModifiedTime(jar()).toMillis() + 2_000));
        assertThat(files(Map.of(), jar(), "/opt/jdk", "Linux", "plan").orElseThrow().key()).isNotEqualTo(key).hasSize(16);
    }

    @Test
    void another_environment_has_a_server_of_its_own_but_a_new_shell_or_directory_does_not() throws IOException {
        Map<String, String> shell = Map.of("HOME", "/home/dev", "AWS_REGION", "eu-west-1", "PWD", "/work", "SHLVL", "1");
        String key = files(shell, jar(), "/opt/jdk", "Linux", "plan").orElseThrow().key();

        assertThat(files(Map.of("HOME", "/home/dev", "AWS_REGION", "us-east-1", "PWD", "/work", "SHLVL", "1"),
                jar(), "/opt/jdk", "Linux", "plan").orElseThrow().key()).as("AWS_REGION changed").isNotEqualTo(key);
        assertThat(files(Map.of("HOME", "/home/dev", "PWD", "/work", "SHLVL", "1"), jar(), "/opt/jdk", "Linux", "plan")
                .orElseThrow().key()).as("AWS_REGION unset").isNotEqualTo(key);
        assertThat(files(Map.of("HOME", "/home/dev", "AWS_REGION", "eu-west-1", "PWD", "/elsewhere", "OLDPWD", "/work",
                "SHLVL", "3", "_", "/usr/bin/java", "NO_COLOR", "1", "QUEST_PLAN_SERVER", "on"), jar(), "/opt/jdk", "Linux", "plan")
                .orElseThrow().key()).as("a new shell in another directory, colours off, the server asked for").isEqualTo(key);
    }

    @Test
    void the_directory_is_the_users_runtime_directory_or_one_of_their_own_in_tmp() {
        assertThat(PlanServerFiles.directory(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "/tmp", "dev"))
                .isEqualTo(Path.of("/run/user/1000/quest-platform"));
        assertThat(PlanServerFiles.directory(Map.of("XDG_RUNTIME_DIR", "relative"), "/tmp", "dev"))
                .isEqualTo(Path.of("/tmp/quest-platform-dev"));
        assertThat(PlanServerFiles.directory(Map.of(), "/tmp", "DOMAIN\\dev/../x"))
                .isEqualTo(Path.of("/tmp/quest-platform-DOMAIN_dev_.._x"));
    }

    @Test
    void the_directory_is_created_for_the_owner_alone() throws IOException {
        Path directory = tmp.resolve("quest-platform-" + USER);

        assertThat(PlanServerFiles.ownedAndPrivate(directory, USER)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PlanServerFiles.ownedAndPrivate(directory, USER)).as("found again").isTrue();
    }

    @Test
    void a_directory_others_may_enter_a_link_or_another_users_directory_is_not_used() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path owned = Files.createDirectory(tmp.resolve("owned"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), owned);

        assertThat(PlanServerFiles.ownedAndPrivate(open, USER)).isFalse();
        assertThat(PlanServerFiles.ownedAndPrivate(link, USER)).isFalse();
        assertThat(PlanServerFiles.ownedAndPrivate(owned, USER + "-someone-else")).isFalse();
        assertThat(PlanServerFiles.ownedAndPrivate(owned, USER)).isTrue();
    }
}
