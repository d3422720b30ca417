package io.quest.platform.plan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Per-stack progress of a plan on stderr: on a terminal one line rewritten in place (the stack being planned,
 * how many of how many, the resources so far), gone when the plan is done; nothing when stderr is a file or a
 * pipe, so CI logs and captured output hold results and errors only.
 */
final class Progress implements Consumer<String> {

    private static final String REWRITE = "\r\033[K";

    private final PrintStream stderr;
    private final boolean terminal;
    private boolean shown;

    Progress(PrintStream stderr, boolean terminal) {
        this.stderr = stderr;
        this.terminal = terminal;
    }

    /** Whether this process's stderr is a terminal: on Linux what fd 2 points at, elsewhere whether there is a console. */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    @Override
    public void accept(String line) {
        if (terminal) {
            stderr.print(REWRITE + line);
            stderr.flush();
            shown = true;
        }
    }

    /** Clears the progress line, so what follows starts on a clean line. */
    void done() {
        if (shown) {
            stderr.print(REWRITE);
            stderr.flush();
            shown = false;
        }
    }
}
