package io.quest.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar keeps only the AWS provider classes the program reaches (pom.xml, shade {@code minimizeJar}): a jar
 * of 57,000 entries took every JVM that opened it about a tenth of a second of CPU to index, twice per run (the
 * launcher's JVM and the one it starts, see {@link JvmRelaunch}). The minimizer follows the references in the code;
 * the Pulumi SDK also finds classes through what the code only names: the output types in the generic signatures
 * of a resource's {@code Output<...>} fields and the classes in its {@code @Export} and {@code @CustomType}
 * annotations, and the language host finds the provider plugin through the {@code plugin.json} resource. This checks
 * each of those in the jar itself.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "quest-platform.jar");
    private static final String PROVIDER = "com/pulumi/aws/";

    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void the_provider_classes_the_program_never_reaches_are_left_out() {
        long kept = entries.stream().filter(name -> name.startsWith(PROVIDER) && name.endsWith(".class")).count();

        assertThat(kept).as("AWS provider classes kept, of about 41,700").isBetween(1_000L, 15_000L);
        assertThat(entries).as("the program's own classes are all kept")
                .contains("io/quest/platform/Main.class", "io/quest/platform/stacks/QuestProgram.class");
    }

    @Test
    void the_provider_plugin_is_still_found_by_the_language_host() {
        assertThat(entries).contains("com/pulumi/aws/plugin.json", "com/pulumi/aws/version.txt");
    }

    @Test
    void every_type_a_kept_provider_class_names_in_its_signatures_and_annotations_is_kept() throws Exception {
        List<String> missing = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, null)) {
            for (String entry : entries) {
                if (!entry.startsWith(PROVIDER) || !entry.endsWith(".class")) {
                    continue;
                }
                String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    resolveEverythingNamed(Class.forName(name, false, loader));
                } catch (ReflectiveOperationException | LinkageError | TypeNotPresentException e) {
                    missing.add(name + ": " + e);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void resolveEverythingNamed(Class<?> type) throws ReflectiveOperationException {
        type.getGenericSuperclass();
        type.getGenericInterfaces();
        type.getDeclaredClasses();
        resolveAnnotations(type);
        for (Field field : type.getDeclaredFields()) {
            field.getGenericType().getTypeName();
            resolveAnnotations(field);
        }
        for (Method method : type.getDeclaredMethods()) {
            method.getGenericReturnType().getTypeName();
            for (Type parameter : method.getGenericParameterTypes()) {
                parameter.getTypeName();
            }
            resolveAnnotations(method);
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            for (Type parameter : constructor.getGenericParameterTypes()) {
                parameter.getTypeName();
            }
        }
    }

    /** An annotation's class values are resolved only when read: a missing one throws then, not before. */
    private static void resolveAnnotations(AnnotatedElement element) throws ReflectiveOperationException {
        for (Annotation annotation : element.getAnnotations()) {
            for (Method member : annotation.annotationType().getDeclaredMethods()) {
                member.invoke(annotation);
            }
        }
    }
}
