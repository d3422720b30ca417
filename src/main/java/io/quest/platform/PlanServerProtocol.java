package io.quest.platform;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client and a {@link PlanServer} say to each other over their loopback connection. Both ends are the same jar
 * (the server's files are keyed by it, {@link PlanServerFiles}), so the protocol has no versions.
 *
 * <p>The client sends the token from the server's endpoint file, then one {@link Request}. The server answers with
 * frames, each a kind byte: {@link #STDOUT} or {@link #STDERR} followed by a length and that many bytes, already
 * encoded as the client's streams encode; then {@link #EXIT} and the exit status. Or it answers {@link #BUSY} alone,
 * when it is planning for another client, and the client plans in its own JVM.
 */
final class PlanServerProtocol {

    /** Output for the client's standard output. */
    static final byte STDOUT = 'O';
    /** Output for the client's standard error. */
    static final byte STDERR = 'E';
    /** The command's exit status: the last frame. */
    static final byte EXIT = 'X';
    /** The server is busy with another client's plan. */
    static final byte BUSY = 'B';

    /**
     * The environment variables that decide, with the terminals, whether the command line is printed in colour
     * (picocli 4.7.6, {@code CommandLine.Help.Ansi#ansiPossible}; see {@link PlanServer#colours}).
     */
    static final List<String> FORWARDED = List.of("NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "ConEmuANSI", "ANSICON");

    private PlanServerProtocol() {
    }

    /**
     * One command for the server to run as if it ran in the client's process.
     *
     * @param workingDirectory the client's working directory, absolute
     * @param arguments        the program's arguments, {@code plan} first
     * @param stdinTerminal    whether the client's standard input is a terminal
     * @param stdoutTerminal   whether its standard output is one
     * @param stderrTerminal   whether its standard error is one
     * @param stdoutEncoding   the charset its {@code System.out} encodes text in
     * @param stderrEncoding   the charset of its {@code System.err}
     * @param usageEncodings   the charsets picocli's writers would encode its standard output and error in, which
     *                         on JDK 19 and later can differ from those of {@code System.out} and {@code System.err}
     *                         (picocli 4.7.6, {@code CommandLine#getStdoutEncoding}: {@code sun.stdout.encoding}, else
     *                         the default charset)
     * @param environment      the {@link #FORWARDED} variables the client has
     */
    record Request(String workingDirectory, List<String> arguments, boolean stdinTerminal, boolean stdoutTerminal,
                   boolean stderrTerminal, String stdoutEncoding, String stderrEncoding, List<String> usageEncodings,
                   Map<String, String> environment) {

        Request {
            arguments = List.copyOf(arguments);
            usageEncodings = List.copyOf(usageEncodings);
            environment = Map.copyOf(environment);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(workingDirectory);
            out.writeInt(arguments.size());
            for (String argument : arguments) {
                out.writeUTF(argument);
            }
            out.writeBoolean(stdinTerminal);
            out.writeBoolean(stdoutTerminal);
            out.writeBoolean(stderrTerminal);
            out.writeUTF(stdoutEncoding);
            out.writeUTF(stderrEncoding);
            out.writeUTF(usageEncodings.get(0));
            out.writeUTF(usageEncodings.get(1));
            out.writeInt(environment.size());
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                out.writeUTF(variable.getKey());
                out.writeUTF(variable.getValue());
            }
        }

        static Request read(DataInputStream in) throws IOException {
            String workingDirectory = in.readUTF();
            List<String> arguments = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                arguments.add(in.readUTF());
            }
            boolean stdin = in.readBoolean();
            boolean stdout = in.readBoolean();
            boolean stderr = in.readBoolean();
            String stdoutEncoding = in.readUTF();
            String stderrEncoding = in.readUTF();
            List<String> usageEncodings = List.of(in.readUTF(), in.readUTF());
            Map<String, String> environment = new LinkedHashMap<>();
            for (int i = count(in); i > 0; i--) {
                environment.put(in.readUTF(), in.readUTF());
            }
            return new Request(workingDirectory, arguments, stdin, stdout, stderr, stdoutEncoding, stderrEncoding, usageEncodings, environment);
        }

        private static int count(DataInputStream in) throws IOException {
            int count = in.readInt();
            if (count < 0 || count > 10_000) {
                throw new IOException("a count of " + count + " in a plan request");
            }
            return count;
        }
    }
}
