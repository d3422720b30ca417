package io.quest.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar carries only the AWS provider's service packages the program uses (pom.xml, the shade filter of
 * {@code com.pulumi:aws}): a jar of 57,000 entries took every JVM that opened it about a tenth of a second of CPU to
 * index, twice per run (the launcher's JVM and the one it starts, see {@link JvmRelaunch}). A class the program
 * needs and the filter leaves out would fail only when that code runs, under {@code pulumi up}; so this reads every
 * class the jar carries of the program and of the provider, and checks that each provider class it names, in its
 * code, its signatures or its annotations (all of which a class file keeps in its constant pool), is in the jar.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "quest-platform.jar");
    private static final String PROVIDER = "com/pulumi/aws/";
    private static final Pattern PROVIDER_NAME = Pattern.compile("com/pulumi/aws/[A-Za-z0-9_/$]+");

    private static final Map<String, byte[]> classes = new HashMap<>();
    private static final Set<String> entries = new TreeSet<>();

    @BeforeAll
    static void readJar() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                entries.add(entry.getName());
                boolean checked = entry.getName().startsWith(PROVIDER) || entry.getName().startsWith("io/quest/platform/");
                if (checked && entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), jar.getInputStream(entry).readAllBytes());
                }
            }
        }
    }

    @Test
    void the_provider_services_the_program_never_uses_are_left_out() {
        long kept = entries.stream().filter(name -> name.startsWith(PROVIDER) && name.endsWith(".class")).count();

        assertThat(kept).as("AWS provider classes kept, of about 41,700").isBetween(1_000L, 20_000L);
        assertThat(entries).as("the program's own classes are kept")
                .contains("io/quest/platform/Main.class", "io/quest/platform/stacks/QuestProgram.class");
    }

    @Test
    void the_provider_plugin_is_still_found_by_the_language_host() {
        assertThat(entries).contains("com/pulumi/aws/plugin.json", "com/pulumi/aws/version.txt");
    }

    @Test
    void every_provider_class_a_carried_class_names_is_carried() {
        Set<String> missing = new TreeSet<>();
        classes.forEach((name, bytes) -> {
            Matcher named = PROVIDER_NAME.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            while (named.find()) {
                String target = named.group();
                if (!entries.contains(target + ".class") && !isResource(target)) {
                    missing.add(name + " names " + target + ": add " + service(target)
                            + " to the list of service packages in the com.pulumi:aws filter in pom.xml");
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    /** A name the provider reads as a resource ({@code com/pulumi/aws/version.txt}), which the pattern cuts at the dot. */
    private static boolean isResource(String name) {
        String prefix = name + ".";
        return entries.stream().anyMatch(entry -> entry.startsWith(prefix) && !entry.endsWith(".class"));
    }

    private static String service(String name) {
        String rest = name.substring(PROVIDER.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
