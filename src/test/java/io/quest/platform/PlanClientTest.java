package io.quest.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against a stand-in server that answers as told: what it relays, and when it plans on its own. */
class PlanClientTest {

    private static final String TOKEN = "feedface";

    @TempDir
    Path home;

    private PlanServerFiles files;
    private ServerSocket socket;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void listen() throws IOException {
        files = new PlanServerFiles(home, "0123456789abcdef", home.resolve("quest-platform.jar"));
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Files.writeString(files.endpoint(), socket.getLocalPort() + " " + TOKEN + "\n");
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
    }

    /** Accepts one client, reads its token and request, and answers with what {@code answer} writes. */
    private CompletableFuture<PlanServerProtocol.Request> answer(Answer answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = socket.accept()) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                assertThat(in.readUTF()).isEqualTo(TOKEN);
                PlanServerProtocol.Request request = PlanServerProtocol.Request.read(in);
                DataOutputStream frames = new DataOutputStream(client.getOutputStream());
                answer.write(frames);
                frames.flush();
                return request;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, runnable -> new Thread(runnable, "stand-in-plan-server").start());
    }

    private interface Answer {
        void write(DataOutputStream frames) throws IOException;
    }

    private static void frame(DataOutputStream frames, byte kind, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        frames.write(kind);
        frames.writeInt(bytes.length);
        frames.write(bytes);
    }

    private OptionalInt run(String... arguments) {
        var request = new PlanServerProtocol.Request("/work", List.of(arguments), false, true, false,
                "UTF-8", "UTF-8", List.of("UTF-8", "UTF-8"), Map.of("NO_COLOR", "1"));
        return PlanClient.run(files, request, out, err);
    }

    @Test
    void output_goes_to_the_stream_each_frame_names_and_the_exit_status_is_the_servers() throws Exception {
        var seen = answer(frames -> {
            frame(frames, PlanServerProtocol.STDERR, "progress\n");
            frame(frames, PlanServerProtocol.STDOUT, "{\"project\":");
            frame(frames, PlanServerProtocol.STDOUT, "\"quest-platform\"}");
            frames.write(PlanServerProtocol.EXIT);
            frames.writeInt(3);
        });

        OptionalInt status = run("plan", "--format", "json");

        assertThat(status).hasValue(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"project\":\"quest-platform\"}");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("progress\n");
        PlanServerProtocol.Request request = seen.get(10, TimeUnit.SECONDS);
        assertThat(request.arguments()).containsExactly("plan", "--format", "json");
        assertThat(request.workingDirectory()).isEqualTo("/work");
        assertThat(request.stdoutTerminal()).isTrue();
        assertThat(request.environment()).containsExactly(Map.entry("NO_COLOR", "1"));
    }

    @Test
    void a_busy_server_leaves_the_command_to_plan_on_its_own() throws Exception {
        var seen = answer(frames -> frames.write(PlanServerProtocol.BUSY));

        assertThat(run("plan")).isEmpty();
        seen.get(10, TimeUnit.SECONDS);
        assertThat(out.size() + err.size()).isZero();
    }

    @Test
    void a_server_gone_before_answering_leaves_the_command_to_plan_on_its_own() throws Exception {
        var seen = answer(frames -> { });

        assertThat(run("plan")).isEmpty();
        seen.get(10, TimeUnit.SECONDS);
        assertThat(out.size() + err.size()).isZero();
    }

    @Test
    void a_server_gone_halfway_through_its_answer_ends_the_command_with_1_and_names_its_log() throws Exception {
        var seen = answer(frames -> frame(frames, PlanServerProtocol.STDOUT, "{\"proj"));

        OptionalInt status = run("plan");

        seen.get(10, TimeUnit.SECONDS);
        assertThat(status).hasValue(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"proj");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: the plan server stopped before the plan was done"
                + " (its log: " + files.log() + "); run the command again\n");
    }

    @Test
    void without_an_endpoint_file_or_a_listening_server_the_command_plans_on_its_own() throws IOException {
        socket.close();

        assertThat(run("plan")).as("nothing listens on the port").isEmpty();
        Files.delete(files.endpoint());
        assertThat(run("plan")).as("no endpoint file").isEmpty();
        Files.writeString(files.endpoint(), "not-a-port " + TOKEN);
        assertThat(run("plan")).as("an unreadable endpoint file").isEmpty();
        assertThat(out.size() + err.size()).isZero();
    }
}
