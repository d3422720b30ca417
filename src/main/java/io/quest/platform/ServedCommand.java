package io.quest.platform;

import io.quest.platform.plan.PlanCommand;
import picocli.CommandLine;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A client's command run in the {@link PlanServer}, as it would have run in the client's own JVM. */
final class ServedCommand {

    private ServedCommand() {
    }

    /**
     * Runs the request's command as the client's JVM would have, its output framed to the client. A client gone before
     * the plan is done gets nothing printed and no file written (see {@link PlanCommand#forClient}).
     */
    static int execute(PlanServerProtocol.Request request, DataOutputStream frames, BooleanSupplier clientGone) {
        PrintStream stdout = new PrintStream(new BufferedOutputStream(new Frames(PlanServerProtocol.STDOUT, frames), 8192),
                false, charset(request.stdoutEncoding()));
        PrintStream stderr = new PrintStream(new BufferedOutputStream(new Frames(PlanServerProtocol.STDERR, frames), 8192),
                true, charset(request.stderrEncoding()));
        Path workingDirectory = Path.of(request.workingDirectory());
        List<String> arguments = request.arguments();
        CommandLine cli = Cli.commandLine(arguments.isEmpty() ? "" : arguments.get(0), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == PlanCommand.class) {
                    return type.cast(PlanCommand.forClient(stdout, stderr, request.stderrTerminal(), workingDirectory, clientGone));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(new OutputStreamWriter(stdout, charset(request.usageEncodings().get(0))), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(stderr, charset(request.usageEncodings().get(1))), true));
        boolean colours = colours(request.environment(), request.stdinTerminal() && request.stdoutTerminal());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(colours ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        int status = cli.execute(arguments.toArray(String[]::new));
        stdout.flush();
        stderr.flush();
        return status;
    }

    /**
     * Whether picocli would print in colour in the client's JVM, on a system other than Windows (where there is no
     * plan server): its {@code Help.Ansi.AUTO} heuristics (picocli 4.7.6 CommandLine.java, {@code Help.Ansi#ansiPossible}
     * and {@code #isTTY}): {@code NO_COLOR} set turns colour off, {@code CLICOLOR_FORCE} set and not 0 turns it on,
     * {@code CLICOLOR=0} or {@code ConEmuANSI=OFF} off; otherwise colour when the JVM has a console, that is, when
     * standard input and output are both terminals.
     */
    static boolean colours(Map<String, String> environment, boolean console) {
        if (environment.containsKey("NO_COLOR")) {
            return false;
        }
        String force = environment.get("CLICOLOR_FORCE");
        if (force != null && !force.equals("0")) {
            return true;
        }
        if ("0".equals(environment.get("CLICOLOR")) || "OFF".equals(environment.get("ConEmuANSI"))) {
            return false;
        }
        return console;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** One stream of the client's output, each write sent as one frame. */
    private static final class Frames extends OutputStream {
        private final byte kind;
        private final DataOutputStream frames;

        Frames(byte kind, DataOutputStream frames) {
            this.kind = kind;
            this.frames = frames;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            synchronized (frames) {
                frames.write(kind);
                frames.writeInt(length);
                frames.write(bytes, offset, length);
                frames.flush();
            }
        }
    }
}
