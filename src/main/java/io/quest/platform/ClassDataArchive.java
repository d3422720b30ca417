package io.quest.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The class-data-sharing archive built beside the jar at {@code package} time ({@code quest-platform.jsa}, see pom.xml,
 * execution {@code class-data-archive}): the classes a plan loads, already parsed and verified, and the lambda
 * classes it spins, recorded by one training plan with {@code -XX:ArchiveClassesAtExit} (JDK 13+, JEP 350). The second
 * JVM maps it instead of loading those classes from the 80 MB jar, which takes a tenth off a plan's CPU time and
 * spares the full collection that metaspace growth otherwise forces.
 *
 * <p>The JVM uses the archive only when it was written by the same JVM build for the same jar (path, size and
 * modification time); otherwise it runs without it, as if it were absent. The warning it would print about that goes
 * to standard output, where a plan's JSON goes, so it is switched off.
 *
 * <p>The archive is mapped where it was written to be mapped ({@code -XX:ArchiveRelocationMode=0}). JDK 17.0.x updates
 * since JDK-8294323 map it at a random address by default and then rewrite every pointer in it, which costs about a
 * tenth of a second of CPU for an archive this size (measured with {@code -Xlog:cds}: mapping at 0.05 s, done at
 * 0.13 s); when the address is taken the JVM still relocates, as before. The option is a diagnostic one, so it is
 * unlocked, and {@code -XX:+IgnoreUnrecognizedVMOptions} lets a JVM without it start anyway.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /** The archive beside this jar ({@code x.jar} → {@code x.jsa}), when one exists that is not older than the jar. */
    static Optional<Path> beside(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return Optional.empty();
        }
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return Optional.of(archive);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The JVM options that map the archive, silently falling back to none when the JVM refuses it. */
    static List<String> options(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off",
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
    }
}
