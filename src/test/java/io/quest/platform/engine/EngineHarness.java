package io.quest.platform.engine;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.quest.platform.plan.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built program the way {@code pulumi up} does, without the Pulumi CLI: a stand-in engine serves the
 * {@code ResourceMonitor} and {@code Engine} gRPC services (the SDK's own generated stubs) on the loopback
 * interface, and each {@link #run} starts the project's {@code runtime.options.binary} as a separate process
 * exactly as the Java language host does ({@link LanguageHost}), then reports what reached the engine and
 * what the process printed ({@link EngineRun}).
 *
 * <p>One harness serves any number of runs, one at a time; close it to stop the server. A benchmark can time
 * {@link EngineRun#startToLastRegistration()}.
 */
public final class EngineHarness implements AutoCloseable {

    /** The engine's gRPC message limit (pulumi/pulumi sdk/go/common/util/rpcutil, {@code MaxRPCMessageSize}: 400 MiB). */
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
    /** Not a timing assertion: a program that never exits must not hang the build. */
    private static final long GIVE_UP_MINUTES = 5;

    private final Path projectDirectory;
    private final Path projectFile;
    private final Server server;
    private volatile EngineSession current;

    private EngineHarness(Project project) throws IOException {
        this.projectDirectory = project.directory().toAbsolutePath().normalize();
        this.projectFile = project.projectFile().toAbsolutePath().normalize();
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new MonitorService(this::session))
                .addService(new EngineService(this::session))
                .build()
                .start();
    }

    /** Starts the stand-in engine for a Pulumi project. */
    public static EngineHarness start(Project project) {
        try {
            return new EngineHarness(project);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in engine", e);
        }
    }

    /** The address the program is given for both services, as the engine gives it: {@code 127.0.0.1:<port>}. */
    public String address() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
    }

    /** Starts the program for one run, answers it from {@code cloud}, and waits for it to exit. */
    public EngineRun run(ProgramRun program, PlannedCloud cloud) {
        return run(program, cloud, LanguageHost.command(projectFile));
    }

    /**
     * The same with another command line for the program, run in the project directory with the host's environment:
     * {@link LanguageHost#mavenCommand()}, for example, to start it as the host starts a project without a binary.
     */
    public synchronized EngineRun run(ProgramRun program, PlannedCloud cloud, List<String> command) {
        EngineSession session = new EngineSession(program.project(), program.stack(), cloud);
        current = session;
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("quest-engine-", ".stdout");
            stderr = Files.createTempFile("quest-engine-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(projectDirectory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            // The host passes on its own environment; a PULUMI_* variable of the shell running the build is not the engine's.
            env.keySet().removeIf(key -> key.startsWith("PULUMI_"));
            env.putAll(LanguageHost.environment(program, address(), address(), projectDirectory));
            long started = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(GIVE_UP_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the program for stack " + program.stack() + " did not exit within "
                        + GIVE_UP_MINUTES + " minutes");
            }
            return new EngineRun(process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8),
                    List.copyOf(session.registrations),
                    List.copyOf(session.stackReferences),
                    List.copyOf(session.answeredReferences),
                    List.copyOf(session.invokes),
                    List.copyOf(session.logs),
                    copy(session.stackOutputs),
                    List.copyOf(session.secretStackOutputs),
                    started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the program ran", e);
        } finally {
            current = null;
            delete(stdout);
            delete(stderr);
        }
    }

    private static Map<String, Object> copy(Map<String, Object> values) {
        synchronized (values) {
            return new java.util.TreeMap<>(values);
        }
    }

    private EngineSession session() {
        EngineSession session = current;
        if (session == null) {
            throw new IllegalStateException("a call reached the stand-in engine outside a run");
        }
        return session;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
