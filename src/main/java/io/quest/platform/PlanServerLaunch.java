package io.quest.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starts a {@link PlanServer} in the background, from the first JVM, after a plan it ran without one. */
final class PlanServerLaunch {

    /** The server JVM's options: it runs long, so the optimising compiler is kept; a plan's heap is small. */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError");

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private PlanServerLaunch() {
    }

    /**
     * The command that starts a plan server for these files, rehearsing {@code arguments}: this JDK's {@code java}
     * with {@link #OPTIONS} and the class-data archive when there is one, in a session of its own where the system
     * has {@code setsid} (so closing the terminal, or Ctrl-C in it, leaves the server be).
     */
    static List<String> command(String javaHome, Path jar, Optional<Path> archive, PlanServerFiles files,
                                String[] arguments, boolean setsid) {
        List<String> command = new ArrayList<>();
        if (setsid) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(OPTIONS);
        if (archive.isPresent()) {
            command.addAll(ClassDataArchive.options(archive.get()));
        }
        command.add("-D" + PlanServer.MARKER + "=" + files.directory());
        command.add("-D" + PlanServer.KEY + "=" + files.key());
        command.add("-jar");
        command.add(jar.toString());
        for (String argument : arguments) {
            command.add(argument);
        }
        return command;
    }

    /**
     * Starts a plan server in the background, its output appended to its log; a server that cannot be started is
     * no error, the next command plans in its own JVM again. Runs in the first JVM after its plan: no lambda.
     */
    static void launch(PlanServerFiles files, Path jar, String[] arguments) {
        List<String> command = command(System.getProperty("java.home"), jar, ClassDataArchive.beside(jar), files,
                arguments, Files.isExecutable(SETSID));
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            // planned without a server this time, and the next
        }
    }

}
