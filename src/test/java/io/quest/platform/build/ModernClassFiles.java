package io.quest.platform.build;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rewrites the class files under one package of the built jar to class-file version 52 (Java 8) with stack map frames,
 * at {@code package} time, before the class-data archive is trained (see pom.xml). Picocli is published as Java 5 class
 * files, which the JVM's class-data sharing refuses ("Pre JDK 6 class not supported by CDS"), so every command read
 * its 227 classes from the jar and verified them the old way: about 35 ms of each run of the jar (one stack planned,
 * 12 runs alternating, medians 1.59 s and 1.55 s, 2026-12-03). The code is unchanged: ASM inlines any {@code jsr}
 * subroutine, which version 50 and later forbid, and computes the frames the newer verifier checks.
 *
 * <p>Usage: {@code ModernClassFiles <jar> <package-directory>}, for example {@code target/quest-platform.jar picocli}.
 */
public final class ModernClassFiles {

    /** The class-file version written: Java 8, the oldest the JVM archives and verifies by stack map frames. */
    public static final int VERSION = Opcodes.V1_8;

    private ModernClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ModernClassFiles <jar> <package-directory>");
            System.exit(1);
        }
        Path jar = Path.of(args[0]);
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of())) {
            Path root = zip.getPath("/" + args[1]);
            if (!Files.isDirectory(root)) {
                System.err.println(jar + " has no " + args[1] + "/ to rewrite");
                System.exit(1);
            }
            List<Path> classes;
            try (Stream<Path> files = Files.walk(root)) {
                classes = files.filter(file -> file.toString().endsWith(".class")).toList();
            }
            for (Path file : classes) {
                Files.write(file, modern(Files.readAllBytes(file)));
            }
            System.out.println(jar.getFileName() + ": " + classes.size() + " classes of " + args[1] + "/ written as class-file version " + VERSION);
        }
    }

    /** The class at {@link #VERSION} or its own version if newer, with frames computed and subroutines inlined. */
    public static byte[] modern(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Math.max(version & 0xFFFF, VERSION), access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new JSRInlinerAdapter(method, access, name, descriptor, signature, exceptions);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
