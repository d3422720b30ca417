package io.quest.platform.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process's standard streams are terminals, which decides progress lines and colours. */
public final class Terminal {

    public static final int STDIN = 0;
    public static final int STDOUT = 1;
    public static final int STDERR = 2;

    private Terminal() {
    }

    /**
     * Whether file descriptor {@code fd} (0, 1 or 2) is a terminal: on Linux what {@code /proc/self/fd/<fd>} points at,
     * elsewhere whether the JVM has a console (standard input and output both a terminal). No lambda: the first JVM,
     * which starts the second one or asks a plan server, calls this too.
     */
    public static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.exists(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
