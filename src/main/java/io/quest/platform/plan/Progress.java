package io.quest.platform.plan;

import java.io.PrintStream;
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
