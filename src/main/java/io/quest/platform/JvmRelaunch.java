package io.quest.platform;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts the jar again in a JVM tuned for a short, single-minded run, when it was started as plain
 * {@code java -jar quest-platform.jar ...}: by a person, by CI, or by the Pulumi Java language host, which runs
 * {@code java -jar <runtime.options.binary>} with no JVM options and no way to add any (pulumi/pulumi-java
 * pkg/internal/executors/executor_jar.go at 503547ec69774bf65cb0686e590b1d91f1e8c962; the host passes its own
 * environment and the engine's {@code PULUMI_*} variables, pkg/cmd/pulumi-language-java/main.go, {@code Run}). A jar
 * manifest cannot carry JVM options, so the only way to choose them without asking every user to set
 * {@code JAVA_TOOL_OPTIONS} is this.
 *
 * <p>The options: the client compiler only ({@code -XX:TieredStopAtLevel=1}: a plan is over before the optimising
 * compiler's work pays off), the serial collector (one thread; the heap of a plan is small) with a young generation
 * of {@value #YOUNG_GENERATION} ({@link #OPTIONS}), one compiler thread on a machine of two processors or fewer
 * ({@link #FEW_PROCESSORS}), and the class-data archive built beside the jar when there is one
 * ({@link ClassDataArchive}). Together with the program's own fixes they more than halve the CPU time of a
 * whole-platform plan; scripts/benchmark-plan.sh measures it.
 *
 * <p>The young generation: left to itself the JVM sizes the heap from the machine's memory (a 64th of it to start, a
 * third of that young; 128 MB on 24 GiB), and a plan allocates through all of it, first-touching fresh pages, before
 * the first collection. Most of what a plan allocates dies young and what lives is a few tens of MB, so a small young
 * generation that stays in the processor's caches does the same work faster: on 2 cores, one stack (220 resources)
 * went from 1.84 s to 1.48 s wall and 2.8 s to 2.2 s CPU, the whole platform (712) from 2.49 s to 2.12 s, with peak
 * RSS down from 190 MB to 115 MB and from 229 MB to 143 MB (medians of 3, the second JVM started by hand, 2026-12-03).
 * The old generation still grows as the heap's maximum allows. One compiler thread instead of two took a further
 * 0.1 s off one stack on 2 cores, where the second one competes with the program's own two threads; with more
 * processors the JVM's own count is kept.
 *
 * <p>The second JVM shares the first one's standard input, output and error, so a terminal stays a terminal and the
 * engine's pipes stay its pipes; its exit status is the first one's. A first JVM told to stop (SIGTERM, SIGINT) stops
 * the second; a second JVM whose first one vanished (SIGKILL) stops itself. It is not started when the user chose JVM
 * options (any on the command line, or {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}),
 * when the program does not run from a jar (tests, {@code mvn exec:java}, an IDE), or when it is already the second.
 */
final class JvmRelaunch {

    /** Set in the second JVM, so it never starts a third. */
    static final String MARKER = "quest.relaunched";

    /** The young generation's size in the second JVM. */
    static final String YOUNG_GENERATION = "24m";

    /** The options of the second JVM, before the user's program arguments. */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn" + YOUNG_GENERATION,
            "-XX:-UsePerfData");

    /**
     * Added to {@link #OPTIONS} on a machine of {@value #SMALL_MACHINE} processors or fewer. One compiler thread is
     * accepted only with the client compiler alone ({@code -XX:TieredStopAtLevel=1}); with the optimising compiler
     * too the JVM refuses to start ("CICompilerCount (1) must be at least 2").
     */
    static final List<String> FEW_PROCESSORS = List.of("-XX:CICompilerCount=1");

    /** The most processors at which the second JVM runs one compiler thread. */
    static final int SMALL_MACHINE = 2;

    /**
     * How the JVM decodes what the operating system hands it, the command line among them, and encodes what it hands
     * back, such as a started process's arguments; read the same way, the arguments reach the second JVM unchanged.
     */
    private static final Charset PLATFORM = platformCharset();

    private static final List<String> USER_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private JvmRelaunch() {
    }

    /**
     * The command of the second JVM, or empty when this JVM should run the program itself.
     *
     * @param javaHome     the running JVM's {@code java.home}
     * @param jvmArguments the arguments the {@code java} launcher was given, program arguments included
     *                     ({@code -jar x.jar plan}), as {@link ProcessHandle.Info#arguments()} reports them
     * @param codeSource   where this class was loaded from
     * @param environment  the process environment
     * @param relaunched   whether {@link #MARKER} is set
     * @param archive      the class-data archive to map, if any
     * @param processors   the processors the JVM may use
     */
    static Optional<List<String>> command(String javaHome, List<String> jvmArguments, Path codeSource,
                                          Map<String, String> environment, boolean relaunched, Optional<Path> archive,
                                          int processors) {
        if (relaunched || codeSource == null || !codeSource.toString().endsWith(".jar")) {
            return Optional.empty();
        }
        // Loops, not lambdas, up to the second JVM's start: in this JVM, which has no class-data archive of ours, the
        // first lambda is linked by generating its class, about 15 ms before the second JVM can start.
        for (String name : USER_OPTION_VARIABLES) {
            if (!environment.getOrDefault(name, "").isBlank()) {
                return Optional.empty();
            }
        }
        if (jvmArguments.size() < 2 || !jvmArguments.get(0).equals("-jar")) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(OPTIONS);
        if (processors <= SMALL_MACHINE) {
            command.addAll(FEW_PROCESSORS);
        }
        if (archive.isPresent()) {
            command.addAll(ClassDataArchive.options(archive.get()));
        }
        command.add("-D" + MARKER + "=true");
        command.add("-jar");
        command.add(codeSource.toString());
        command.addAll(jvmArguments.subList(2, jvmArguments.size()));
        return Optional.of(command);
    }

    /** The second JVM's command for this process, if it should start one. */
    static Optional<List<String>> forThisProcess() {
        // The second JVM answers before reading its command line; command(...) is then never asked with relaunched.
        if (System.getProperty(MARKER) != null) {
            return Optional.empty();
        }
        Optional<Path> jar = jar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        return command(System.getProperty("java.home"), launcherArguments(), jar.get(), System.getenv(),
                false, ClassDataArchive.beside(jar.get()), Runtime.getRuntime().availableProcessors());
    }

    /** The jar this program runs from; empty when it runs from classes (tests, {@code mvn exec:java}, an IDE). */
    static Optional<Path> jar() {
        Path codeSource;
        try {
            codeSource = Path.of(JvmRelaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return Optional.empty();
        }
        if (!codeSource.toString().endsWith(".jar") || !Files.isRegularFile(codeSource)) {
            return Optional.empty();
        }
        return Optional.of(codeSource);
    }

    /**
     * The arguments this JVM's launcher was given. On Linux they are read from {@code /proc/self/cmdline} (the
     * executable, then each argument, each ended by a NUL byte), which is what {@link ProcessHandle.Info#arguments()}
     * reads there too, after looking up the process's user, start time and CPU time besides: 17 ms of a cold JVM,
     * in a JVM whose only other work is to start the second one. Elsewhere, or if that file cannot be read, the
     * {@link ProcessHandle} answer.
     */
    static List<String> launcherArguments() {
        try {
            return commandLineArguments(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | UnsupportedOperationException e) {
            return ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        }
    }

    /** The arguments in a {@code /proc/<pid>/cmdline}: every NUL-ended string after the first (the executable). */
    static List<String> commandLineArguments(byte[] cmdline) {
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                strings.add(new String(cmdline, start, i - start, PLATFORM));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            strings.add(new String(cmdline, start, cmdline.length - start, PLATFORM));
        }
        return strings.isEmpty() ? List.of() : List.copyOf(strings.subList(1, strings.size()));
    }

    private static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** Runs the second JVM to its end and returns its exit status; empty when it cannot be started. */
    static OptionalInt run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        Thread stopChild = new Thread(new StopChild(child));
        Runtime.getRuntime().addShutdownHook(stopChild);
        while (true) {
            try {
                int status = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stopChild);
                return OptionalInt.of(status);
            } catch (InterruptedException ignored) {
                // keep waiting: the second JVM decides when the program ends
            }
        }
    }

    /**
     * On this JVM's shutdown (Ctrl-C, a kill), stops the second JVM and waits for it. A class, not a lambda, for the
     * reason in {@link #command}: this JVM would link it while the second one starts on the other core.
     */
    private static final class StopChild implements Runnable {
        private final Process child;

        StopChild(Process child) {
            this.child = child;
        }

        @Override
        public void run() {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** In the second JVM: end when the first one is gone, as a program whose launcher was killed would. */
    static void followParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(143)));
    }
}
