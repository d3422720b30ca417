package io.quest.platform;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.PlanCommand;
import io.quest.platform.plan.PlanFormat;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.DataOutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan server in this JVM, asked by {@link PlanClient} as the first JVM asks it: a served command prints what the
 * same command prints in a JVM of its own, relative paths are the client's, and a client plans on its own whenever
 * the server does not take its command.
 */
class PlanServerTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path home;
    @TempDir
    Path client;

    private PlanServerFiles files;
    private PlanServer server;
    private CompletableFuture<Void> serving;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        Path jar = Files.writeString(home.resolve("quest-platform.jar"), "a jar");
        files = new PlanServerFiles(home, "0123456789abcdef", jar);
        server = new PlanServer(files, Duration.ofMinutes(15), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(server.start()).isTrue();
        serving = CompletableFuture.runAsync(server::serve, runnable -> new Thread(runnable, "plan-server-test").start());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop("test over");
        serving.get(10, TimeUnit.SECONDS);
    }

    private PlanServerProtocol.Request request(String... arguments) {
        return new PlanServerProtocol.Request(client.toString(), List.of(arguments), false, false, false,
                "UTF-8", "UTF-8", List.of("UTF-8", "UTF-8"), Map.of());
    }

    private OptionalInt served(String... arguments) {
        return PlanClient.run(files, request(arguments), out, err);
    }

    @Test
    void a_served_plan_writes_the_same_plan_relative_to_the_clients_directory_and_names_it_as_given() throws Exception {
        OptionalInt status = served("plan", "shared", "--format", "json", "--cwd", PROJECT.toString(), "--out", "plans");

        Plan repository = PlanFixture.repository();
        StackPlan shared = repository.stacks().stream().filter(stack -> stack.stack().equals("shared")).findFirst().orElseThrow();
        assertThat(status).hasValue(0);
        assertThat(client.resolve("plans/plan-shared.json")).exists();
        assertThat(Files.readString(client.resolve("plans/plan-shared.json"))).isEqualTo(PlanFormat.json.render(repository, shared));
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wrote " + Path.of("plans", "plan-shared.json") + "\n")
                .matches("(?s).*planned 1 stacks \\(\\d+ resources\\) in \\d+ ms\n");
        assertThat(out.size()).isZero();
    }

    @Test
    void a_configuration_error_reads_and_exits_as_in_a_jvm_of_its_own() throws Exception {
        Files.copy(PROJECT.resolve("Pulumi.yaml"), client.resolve("Pulumi.yaml"));
        Files.writeString(client.resolve("Pulumi.dev.yaml"), PlanFixture.environment("222222222222", "10.300.0.0/16"));
        OptionalInt status = served("plan");

        ByteArrayOutputStream localErr = new ByteArrayOutputStream();
        int localStatus = planInThisJvm(localErr, "--cwd", client.toString());

        assertThat(status).hasValue(1);
        assertThat(localStatus).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("quest-platform:network.cidr: \"10.300.0.0/16\" is not an IPv4 CIDR")
                .isEqualTo(localErr.toString(StandardCharsets.UTF_8));
        assertThat(out.size()).isZero();
    }

    @Test
    void a_usage_error_prints_the_usage_and_exits_1_as_the_command_line_does() {
        OptionalInt status = served("plan", "--format", "yaml");

        java.io.StringWriter localErr = new java.io.StringWriter();
        CommandLine local = Cli.commandLine("plan");
        local.setErr(new PrintWriter(localErr, true));
        int localStatus = local.execute("plan", "--format", "yaml");

        assertThat(status).hasValue(1);
        assertThat(localStatus).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid value for option '--format'", "Usage: quest plan")
                .isEqualTo(localErr.toString());
    }

    @Test
    void a_client_gone_before_its_plan_is_done_gets_no_file_written() throws Exception {
        String[] endpoint = Files.readString(files.endpoint()).trim().split(" ");
        try (Socket gone = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(endpoint[0]))) {
            DataOutputStream out = new DataOutputStream(gone.getOutputStream());
            out.writeUTF(endpoint[1]);
            request("plan", "shared", "--cwd", PROJECT.toString(), "--out", "plans").write(out);
            out.flush();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!log.toString(StandardCharsets.UTF_8).contains("plan shared") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("exit " + PlanCommand.CANCELLED).contains("the client gone");
        assertThat(client.resolve("plans")).doesNotExist();
    }

    @Test
    void a_second_server_for_the_same_jar_and_jdk_does_not_start() throws IOException {
        PlanServer second = new PlanServer(files, Duration.ofMinutes(15), new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(second.start()).isFalse();
    }

    @Test
    void a_client_without_the_token_is_not_served() throws IOException {
        String[] endpoint = Files.readString(files.endpoint()).trim().split(" ");
        Files.writeString(files.endpoint(), endpoint[0] + " " + "0".repeat(endpoint[1].length()) + "\n");

        assertThat(served("plan", "--format", "yaml")).isEmpty();
        assertThat(err.size()).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("refused a client without the token");
    }

    @Test
    void the_server_stops_when_its_jar_is_rebuilt_but_not_in_the_middle_of_a_plan() throws IOException {
        assertThat(server.reasonToStop(System.nanoTime())).isEmpty();

        Files.setLastModifiedTime(files.jar(), FileTime.fromMillis(Files.getLastModifiedTime(files.jar()).toMillis() + 5_000));

        assertThat(server.reasonToStop(System.nanoTime())).hasValueSatisfying(reason -> assertThat(reason).contains("jar changed"));
    }

    @Test
    void the_server_stops_after_its_idle_time() {
        long now = System.nanoTime();

        assertThat(server.reasonToStop(now + Duration.ofMinutes(14).toNanos())).isEmpty();
        assertThat(server.reasonToStop(now + Duration.ofMinutes(16).toNanos()))
                .hasValueSatisfying(reason -> assertThat(reason).isEqualTo("no plan for 15 minutes"));
    }

    @Test
    void a_stopped_server_leaves_no_endpoint_and_its_clients_plan_on_their_own() {
        server.stop("test");

        assertThat(files.endpoint()).doesNotExist();
        assertThat(served("plan")).isEmpty();
    }

    /** Picocli's colour heuristics, as a client's JVM on Linux or macOS would apply them. */
    @Test
    void colours_follow_picocli_no_color_first_then_clicolor_force_then_clicolor_then_the_console() {
        assertThat(ServedCommand.colours(Map.of(), true)).isTrue();
        assertThat(ServedCommand.colours(Map.of(), false)).isFalse();
        assertThat(ServedCommand.colours(Map.of("NO_COLOR", ""), true)).isFalse();
        assertThat(ServedCommand.colours(Map.of("NO_COLOR", "1", "CLICOLOR_FORCE", "1"), true)).isFalse();
        assertThat(ServedCommand.colours(Map.of("CLICOLOR_FORCE", "1"), false)).isTrue();
        assertThat(ServedCommand.colours(Map.of("CLICOLOR_FORCE", "0"), false)).isFalse();
        assertThat(ServedCommand.colours(Map.of("CLICOLOR", "0"), true)).isFalse();
        assertThat(ServedCommand.colours(Map.of("ConEmuANSI", "OFF"), true)).isFalse();
    }

    /** The plan command run in this JVM, from its working directory, its standard error into {@code err}. */
    private static int planInThisJvm(ByteArrayOutputStream err, String... arguments) {
        PrintStream discard = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new CommandLine(PlanCommand.forClient(discard, new PrintStream(err, true, StandardCharsets.UTF_8), false,
                Path.of(""), () -> false)).execute(arguments);
    }
}
