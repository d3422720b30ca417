package io.quest.platform.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar's picocli classes as {@code package} rewrote them (pom.xml, execution modern-class-files): each at
 * class-file version 52 or later, and each one accepted by the JVM's verifier when loaded and initialised from the jar.
 */
class ModernClassFilesIT {

    private static final Path JAR = Path.of("target", "quest-platform.jar");

    @Test
    void every_picocli_class_in_the_jar_is_at_least_java_8() throws IOException {
        Map<String, Integer> versions = new TreeMap<>();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("picocli/") && entry.getName().endsWith(".class")) {
                    byte[] head = jar.getInputStream(entry).readNBytes(8);
                    versions.put(entry.getName(), ((head[6] & 0xFF) << 8) | (head[7] & 0xFF));
                }
            }
        }

        assertThat(versions).as("picocli classes in the jar").hasSizeGreaterThan(100);
        assertThat(versions).allSatisfy((name, major) -> assertThat(major).as(name).isGreaterThanOrEqualTo(52));
    }

    @Test
    void the_verifier_accepts_every_rewritten_class() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-XX:TieredStopAtLevel=1", "-cp", JAR + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                LoadAll.class.getName(), JAR.toString()));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as(output).isZero();
        assertThat(output).contains("initialised ").doesNotContain("VerifyError");
    }

    /** Loads and initialises every picocli class of the jar from the jar itself, which verifies each; prints the count. */
    public static final class LoadAll {
        public static void main(String[] args) throws Exception {
            List<String> names = new ArrayList<>();
            try (ZipFile jar = new ZipFile(args[0])) {
                for (ZipEntry entry : Collections.list(jar.entries())) {
                    if (entry.getName().startsWith("picocli/") && entry.getName().endsWith(".class")) {
                        names.add(entry.getName().replace('/', '.').substring(0, entry.getName().length() - ".class".length()));
                    }
                }
            }
            try (var loader = new java.net.URLClassLoader(new java.net.URL[] {Path.of(args[0]).toUri().toURL()}, null)) {
                for (String name : names) {
                    Class.forName(name, true, loader);
                }
            }
            System.out.println("initialised " + names.size());
        }
    }
}
