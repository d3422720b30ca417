package io.quest.platform;

import io.quest.platform.plan.Terminal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Hands a {@code plan} command to the running {@link PlanServer} and relays its output. It runs in the first JVM,
 * before any second one would start, so, as there, it uses no lambda (see {@link JvmRelaunch#command}).
 */
final class PlanClient {

    /** How long connecting to a server that is there may take; the loopback answers at once or not at all. */
    private static final int CONNECT_TIMEOUT_MS = 1000;

    private PlanClient() {
    }

    /**
     * Runs the command on the server and returns its exit status, its output written to {@code stdout} and
     * {@code stderr} as it comes. Empty when the server did not take the command and nothing was written: there is no
     * server, it is busy with another plan, or it went away before answering; the command then plans in this JVM.
     * A server that goes away after it has started to answer ends the command with status 1 and a message naming its
     * log.
     */
    static OptionalInt run(PlanServerFiles files, PlanServerProtocol.Request request, OutputStream stdout, OutputStream stderr) {
        String[] endpoint = endpoint(files);
        if (endpoint.length != 2) {
            return OptionalInt.empty();
        }
        Socket socket = new Socket();
        boolean answered = false;
        try (socket) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                    Integer.parseInt(endpoint[0])), CONNECT_TIMEOUT_MS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeUTF(endpoint[1]);
            request.write(out);
            out.flush();
            DataInputStream frames = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                int kind = frames.read();
                if (kind == PlanServerProtocol.EXIT) {
                    return OptionalInt.of(frames.readInt());
                }
                if (kind == PlanServerProtocol.STDOUT || kind == PlanServerProtocol.STDERR) {
                    byte[] bytes = frames.readNBytes(frames.readInt());
                    OutputStream target = kind == PlanServerProtocol.STDOUT ? stdout : stderr;
                    target.write(bytes);
                    target.flush();
                    answered = true;
                } else {
                    break; // BUSY before any output, or the end of the stream
                }
            }
        } catch (IOException | RuntimeException e) {
            // as the end of the stream: below
        }
        if (!answered) {
            return OptionalInt.empty();
        }
        try {
            stderr.write(("error: the plan server stopped before the plan was done (its log: " + files.log()
                    + "); run the command again\n").getBytes(StandardCharsets.UTF_8));
            stderr.flush();
        } catch (IOException ignored) {
            // nowhere left to say it
        }
        return OptionalInt.of(1);
    }

    /** The port and token in the server's endpoint file, or an empty array when there is none to be read. */
    private static String[] endpoint(PlanServerFiles files) {
        try {
            String[] endpoint = new String(Files.readAllBytes(files.endpoint()), StandardCharsets.US_ASCII).trim().split(" ");
            Integer.parseInt(endpoint[0]);
            return endpoint;
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    /** This process's command, working directory, terminals and output encodings, as the server needs them. */
    static PlanServerProtocol.Request request(String[] arguments, Map<String, String> environment) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : PlanServerProtocol.FORWARDED) {
            String value = environment.get(name);
            if (value != null) {
                forwarded.put(name, value);
            }
        }
        return new PlanServerProtocol.Request(System.getProperty("user.dir"), Arrays.asList(arguments),
                Terminal.isTerminal(Terminal.STDIN), Terminal.isTerminal(Terminal.STDOUT), Terminal.isTerminal(Terminal.STDERR),
                encoding("stdout"), encoding("stderr"), Arrays.asList(usageEncoding("stdout"), usageEncoding("stderr")), forwarded);
    }

    /**
     * The charset this JVM's {@code System.out} or {@code System.err} encodes in: {@code stdout.encoding} (JDK 19+),
     * {@code sun.stdout.encoding} (set by older JDKs for a console), else the default charset
     * (openjdk/jdk17u {@code java/lang/System.java}, {@code initPhase1} and {@code newPrintStream}).
     */
    private static String encoding(String stream) {
        String named = System.getProperty(stream + ".encoding");
        if (named == null) {
            named = System.getProperty("sun." + stream + ".encoding");
        }
        return named == null ? Charset.defaultCharset().name() : named;
    }

    /** The charset picocli's writer for {@code System.out} or {@code System.err} encodes in (see {@link PlanServerProtocol.Request}). */
    private static String usageEncoding(String stream) {
        String named = System.getProperty("sun." + stream + ".encoding");
        return named == null ? Charset.defaultCharset().name() : named;
    }
}
