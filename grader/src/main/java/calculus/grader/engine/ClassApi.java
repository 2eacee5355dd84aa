package calculus.grader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A digest of what code compiled against a folder of classes can see: class names, supertypes, members and their
 * signatures, constant values. Tests compiled against code with the same digest need no recompiling when only
 * method bodies changed (a student's usual edit).
 */
final class ClassApi {

    private ClassApi() {
    }

    /**
     * The API digest of a class folder, or the name, size and time of a jar.
     *
     * @param entry a class path entry
     * @return its digest; empty for an entry that does not exist
     */
    static byte[] digest(Path entry) throws IOException {
        MessageDigest d = sha256();
        if (Files.isRegularFile(entry)) {
            // the name, not the folder: Maven hands the same jar from the build (grader/target) or from the local
            // repository (a module built alone), one copy of the other, and both must find the same digest
            d.update((entry.getFileName() + ":" + Files.size(entry) + ":" + Files.getLastModifiedTime(entry).toMillis())
                .getBytes(StandardCharsets.UTF_8));
        } else if (Files.isDirectory(entry)) {
            List<Path> classes;
            try (Stream<Path> walk = Files.walk(entry)) {
                classes = walk.filter(p -> p.toString().endsWith(".class")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path c : classes) {
                feed(Files.readAllBytes(c), d);
            }
        }
        return d.digest();
    }

    private static void feed(byte[] classFile, MessageDigest d) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                put(d, "class " + access + " " + name + " " + signature + " " + superName + " "
                    + String.join(",", interfaces == null ? new String[0] : interfaces));
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                if ((access & Opcodes.ACC_PRIVATE) == 0) {
                    put(d, "field " + access + " " + name + " " + descriptor + " " + signature + " " + value);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & Opcodes.ACC_PRIVATE) == 0) {
                    put(d, "method " + access + " " + name + " " + descriptor + " " + signature);
                }
                return null;
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                put(d, "inner " + name + " " + access);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private static void put(MessageDigest d, String text) {
        d.update(text.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
