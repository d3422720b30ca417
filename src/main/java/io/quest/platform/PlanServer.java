package io.quest.platform;

import io.quest.platform.plan.PlanCommand;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JVM kept running between plans, so that a plan after the first finds the program's classes loaded and its code
 * compiled. A whole-platform plan spends about three quarters of its time warming the JVM up; repeated in a warm JVM it
 * takes a fraction of that (scripts/benchmark-plan.sh measures both). The model is Gradle's daemon and Maven's mvnd;
 * it serves {@code plan} only, the command of the inner loop, which reads stack files and writes plans and
 * touches nothing else.
 *
 * <p>How it runs: {@code java -jar quest-platform.jar plan ...} ({@link Main}) asks the server of its jar and JDK
 * ({@link PlanServerFiles}) to run the command; the server runs it as the command would run in the client's own JVM
 * (the client's working directory, terminals, output encodings and colour settings; {@link PlanClient} relays the
 * output and the exit status). When no server is running the command plans in its own JVM as before, then starts a
 * server in the background, which rehearses that same plan once, throwing the result away, so that even the next
 * plan is served warm.
 *
 * <p>What keeps it safe and small: it listens on the loopback interface only, and serves only a client that presents
 * the random token in its endpoint file, which lives in a directory only the user can enter. It plans one command at
 * a time; a client that finds it busy with another client's plan plans in its own JVM. It stops after
 * {@value #IDLE_MINUTES} minutes without a plan, and when its jar is rebuilt or removed (a rebuilt jar gets a server
 * of its own). {@code QUEST_PLAN_SERVER=off} turns it off; in CI it is off unless turned on.
 */
final class PlanServer {

    /** Set, to the server files' directory, in the server's JVM. */
    static final String MARKER = "quest.planServer";
    /** Set, to the server files' key, in the server's JVM. */
    static final String KEY = "quest.planServer.key";

    static final int IDLE_MINUTES = 15;

    /** How often the server looks at its idle time and its jar. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    /** How long a client may take to send its request once connected. */
    private static final int REQUEST_TIMEOUT_MS = 10_000;

    private final PlanServerFiles files;
    private final Optional<FileTime> jarModified;
    private final Duration idle;
    private final String token;
    private final PrintStream log;
    private final ReentrantLock planning = new ReentrantLock();
    private volatile boolean rehearsing;
    private volatile long lastActive = System.nanoTime();
    private FileChannel lockChannel;
    private ServerSocket socket;

    PlanServer(PlanServerFiles files, Duration idle, PrintStream log) {
        this.files = files;
        this.log = log;
        this.jarModified = modified(files.jar());
        this.idle = idle;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    /** In the server's JVM: serves until it stops, and returns the exit status. */
    static int runHere(String[] arguments) {
        PlanServerFiles files = new PlanServerFiles(Path.of(System.getProperty(MARKER)), System.getProperty(KEY),
                JvmRelaunch.jar().orElseThrow());
        PlanServer server = new PlanServer(files, Duration.ofMinutes(IDLE_MINUTES), System.out);
        try {
            if (!server.start()) {
                return 0;
            }
        } catch (IOException e) {
            System.out.println(Instant.now() + " cannot start: " + e.getMessage());
            return 1;
        }
        Path workingDirectory = Path.of(System.getProperty("user.dir"));
        List<String> rehearsed = List.of(arguments).subList(Math.min(1, arguments.length), arguments.length);
        startDaemon("plan-server-rehearsal", () -> server.rehearse(workingDirectory, rehearsed));
        startDaemon("plan-server-watch", server::watch);
        server.serve();
        // A client that was handed the lock just before the server stopped listening gets its plan to the end.
        server.planning.lock();
        return 0;
    }

    /**
     * Takes the lock and starts listening; false when another server of this jar and JDK holds the lock.
     * Writes the endpoint file last, so a client finds either no server or one that answers.
     */
    boolean start() throws IOException {
        lockChannel = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by a server in this JVM
        }
        if (lock == null) {
            lockChannel.close();
            return false;
        }
        // Every server started appends to the log; the one that serves starts it afresh.
        if (Files.exists(files.log())) {
            Files.newOutputStream(files.log(), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING).close();
        }
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Path written = files.directory().resolve("plan-" + files.key() + ".port.new");
        Files.writeString(written, socket.getLocalPort() + " " + token + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        try {
            Files.move(written, files.endpoint(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, files.endpoint(), StandardCopyOption.REPLACE_EXISTING);
        }
        log("serving plans on port " + socket.getLocalPort() + " for " + files.jar());
        return true;
    }

    /** Accepts clients until {@link #stop}, each on a thread of its own. */
    void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                startDaemon("plan-server-client", () -> handle(client));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log("accept failed: " + e.getMessage());
                }
            }
        }
    }

    /** Stops listening and removes the endpoint file; the lock goes with the process. */
    void stop(String reason) {
        log("stopping: " + reason);
        try {
            Files.deleteIfExists(files.endpoint());
            socket.close();
            lockChannel.close();
        } catch (IOException e) {
            log("while stopping: " + e.getMessage());
        }
    }

    /** Stops the server when {@link #reasonToStop} gives a reason. */
    private void watch() {
        while (!socket.isClosed()) {
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Optional<String> reason = reasonToStop(System.nanoTime());
            if (reason.isPresent()) {
                stop(reason.get());
            }
        }
    }

    /** Why the server should stop now, between plans: its jar rebuilt or gone, or idle too long; empty to keep serving. */
    Optional<String> reasonToStop(long now) {
        if (planning.isLocked()) {
            return Optional.empty();
        }
        if (jarModified.isEmpty() || !jarModified.equals(modified(files.jar()))) {
            return Optional.of("the jar changed or is gone: " + files.jar());
        }
        if (now - lastActive > idle.toNanos()) {
            return Optional.of("no plan for " + idle.toMinutes() + " minutes");
        }
        return Optional.empty();
    }

    /** Runs the plan that started the server once, output thrown away, so that the next plan finds the JVM warm. */
    void rehearse(Path workingDirectory, List<String> arguments) {
        rehearsing = true;
        planning.lock();
        try {
            long start = System.nanoTime();
            PlanCommand.rehearse(workingDirectory, arguments);
            log("rehearsed plan " + String.join(" ", arguments) + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            log("rehearsal failed: " + e);
        } finally {
            rehearsing = false;
            lastActive = System.nanoTime();
            planning.unlock();
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(REQUEST_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(client.getInputStream());
            String presented = in.readUTF();
            if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
                log("refused a client without the token");
                return;
            }
            PlanServerProtocol.Request request = PlanServerProtocol.Request.read(in);
            client.setSoTimeout(0);
            DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            if (!acquire()) {
                frames.write(PlanServerProtocol.BUSY);
                frames.flush();
                return;
            }
            try {
                // The client sends nothing after its request: the end of its stream means it is gone (Ctrl-C, a kill).
                AtomicBoolean gone = new AtomicBoolean();
                startDaemon("plan-server-client-watch", () -> {
                    try {
                        while (in.read() != -1) {
                            // nothing to read
                        }
                    } catch (IOException e) {
                        // as the end of the stream
                    }
                    gone.set(true);
                });
                long start = System.nanoTime();
                int status = ServedCommand.execute(request, frames, gone::get);
                log(String.join(" ", request.arguments()) + " in " + request.workingDirectory() + ": exit " + status + " in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms" + (gone.get() ? ", the client gone" : ""));
                synchronized (frames) {
                    frames.write(PlanServerProtocol.EXIT);
                    frames.writeInt(status);
                    frames.flush();
                }
            } finally {
                lastActive = System.nanoTime();
                planning.unlock();
            }
        } catch (IOException | RuntimeException e) {
            log("a client's plan failed: " + e);
        }
    }

    /** The plan lock: free, or held by the rehearsal (worth waiting for); not when another client's plan holds it. */
    private boolean acquire() {
        if (planning.tryLock()) {
            return true;
        }
        if (rehearsing) {
            planning.lock();
            return true;
        }
        return false;
    }

    private static Optional<FileTime> modified(Path path) {
        try {
            return Optional.of(Files.getLastModifiedTime(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void startDaemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void log(String line) {
        log.println(Instant.now() + " " + line);
    }

}
