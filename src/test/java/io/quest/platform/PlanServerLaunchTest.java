package io.quest.platform;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlanServerLaunchTest {

    private static final PlanServerFiles FILES = new PlanServerFiles(Path.of("/run/user/1000/quest-platform"),
            "0123456789abcdef", Path.of("/work/target/quest-platform.jar"));

    @Test
    void the_server_runs_the_jar_in_a_session_of_its_own_with_the_archive_and_the_command_it_rehearses() {
        Path archive = Path.of("/work/target/quest-platform.jsa");

        List<String> command = PlanServerLaunch.command("/opt/jdk", FILES.jar(), Optional.of(archive), FILES,
                new String[] {"plan", "dev", "--format", "json"}, true);

        assertThat(command.subList(0, 2)).containsExactly("/usr/bin/setsid", Path.of("/opt/jdk", "bin", "java").toString());
        assertThat(command).containsSubsequence(PlanServerLaunch.OPTIONS);
        assertThat(command).containsSubsequence("-XX:SharedArchiveFile=" + archive,
                "-Dquest.planServer=/run/user/1000/quest-platform", "-Dquest.planServer.key=0123456789abcdef",
                "-jar", "/work/target/quest-platform.jar", "plan", "dev", "--format", "json");
        assertThat(command.get(command.size() - 1)).isEqualTo("json");
    }

    @Test
    void without_setsid_or_an_archive_the_server_runs_all_the_same() {
        List<String> command = PlanServerLaunch.command("/opt/jdk", FILES.jar(), Optional.empty(), FILES,
                new String[] {"plan"}, false);

        assertThat(command.get(0)).isEqualTo(Path.of("/opt/jdk", "bin", "java").toString());
        assertThat(command).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("-jar", "/work/target/quest-platform.jar", "plan");
    }

    @Test
    void this_jdk_starts_with_every_option_the_server_is_given() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(PlanServerLaunch.OPTIONS);
        command.add("-version");

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as(output).isZero();
    }
}
