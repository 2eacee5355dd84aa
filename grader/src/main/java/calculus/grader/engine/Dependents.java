package calculus.grader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;

/**
 * Which classes use which, read from the class files' constant pools: what the watch mode needs to tell, after a
 * save, which tests can see the change, so that it reruns only their tasks.
 */
final class Dependents {

    private static final int CONSTANT_CLASS = 7;

    private final Map<String, Set<String>> uses = new HashMap<>();
    private final Map<String, String> digests = new HashMap<>();

    /** Reads every class of the given folders. */
    static Dependents of(List<Path> folders) throws IOException {
        Dependents d = new Dependents();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".class")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
                    d.read(Files.readAllBytes(f));
                }
            }
        }
        return d;
    }

    private void read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        String name = reader.getClassName().replace('/', '.');
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> refs = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && bytes[offset - 1] == CONSTANT_CLASS) {
                refs.add(reader.readUTF8(offset, buffer).replace('/', '.'));
            }
        }
        uses.put(name, refs);
        digests.put(name, sha256(bytes));
    }

    /** The classes whose bytes differ from another reading (added or removed ones included). */
    Set<String> changedSince(Dependents before) {
        Set<String> changed = new HashSet<>();
        digests.forEach((c, d) -> {
            if (!d.equals(before.digests.get(c))) {
                changed.add(c);
            }
        });
        before.digests.keySet().stream().filter(c -> !digests.containsKey(c)).forEach(changed::add);
        return changed;
    }

    /** Whether a class uses, directly or through the classes it uses, any of the given classes. */
    boolean reaches(String from, Set<String> targets) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(from);
        while (!todo.isEmpty()) {
            String c = todo.removeFirst();
            if (!seen.add(c)) {
                continue;
            }
            if (targets.contains(c)) {
                return true;
            }
            todo.addAll(uses.getOrDefault(c, Set.of()));
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
