package calculus.grader.policy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A student's source tree, checked before anything is compiled: what the grader takes from it (the {@code .java}
 * files, as text), what it leaves (every other file), and why it refuses the tree when it does.
 *
 * <p>The tree is read as it is on disk, never through a link: every entry must be a regular file or a folder (a
 * symbolic link is refused even when it points inside the tree, and so are devices, pipes and sockets), names must
 * be plain ({@code ..}, control and invisible formatting characters are refused), and the sizes are bounded. Where
 * the platform offers it (Linux, macOS), each folder is opened relative to its parent's open handle and each file
 * relative to its folder's, refusing links at every step, so that a folder swapped for a link between the check and
 * the read cannot redirect the read; elsewhere each path is opened without following a link in its last step.
 * A file must be UTF-8, strictly: a malformed one is reported with its path and the offset of the first bad byte.
 */
public final class SubmissionFiles {

    /** The largest source file taken: the course's longest reference class is under 20 KiB. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** The most source text taken in all: some forty of the largest files, far beyond any module. */
    public static final int MAX_TOTAL_BYTES = 2 * 1024 * 1024;
    /** The most files and folders a tree may hold: a module has about twenty. */
    public static final int MAX_ENTRIES = 1_000;
    /** The deepest folder looked into: a package is a few folders deep. */
    public static final int MAX_DEPTH = 32;

    private static final String SOURCE_SUFFIX = ".java";
    private static final Set<OpenOption> READ_NO_LINK = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /**
     * One source file.
     *
     * @param path its path relative to the tree's root, with {@code /} between folders
     * @param text its content
     */
    public record Source(String path, String text) {
    }

    /**
     * What was found in a tree.
     *
     * @param sources  the {@code .java} files, in path order; empty when there are problems
     * @param ignored  the paths of the other files, left out
     * @param problems why the tree is refused, one line each naming the path; empty when it is accepted
     */
    public record Submission(List<Source> sources, List<String> ignored, List<String> problems) {

        /** Whether the tree is accepted: there are no problems. */
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final List<Source> sources = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int entries;
    private long total;
    /** Set when a limit on the whole tree is reached: the rest is not read, and not reported entry by entry. */
    private boolean full;

    private SubmissionFiles() {
    }

    /**
     * Reads a source tree.
     *
     * @param root the tree's root folder, for example a submission's {@code src/main/java}
     * @return its sources, or the problems for which it is refused
     * @throws IllegalArgumentException if {@code root} is null
     */
    public static Submission read(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("root must be a folder, got root = null");
        }
        SubmissionFiles tree = new SubmissionFiles();
        tree.readRoot(root);
        List<Source> taken = tree.problems.isEmpty() ? List.copyOf(tree.sources) : List.of();
        return new Submission(taken, List.copyOf(tree.ignored), List.copyOf(tree.problems));
    }

    private void readRoot(Path root) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(root, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                problems.add(root + " is not a folder" + (attributes.isSymbolicLink() ? " but a symbolic link" : ""));
                return;
            }
            try (Folder folder = Folder.of(root)) {
                readFolder(folder, "", 1);
            }
        } catch (IOException e) {
            problems.add(root + " could not be read: " + e);
        }
    }

    /** Reads one folder's entries in name order; {@code prefix} is the folder's path followed by {@code /}. */
    private void readFolder(Folder folder, String prefix, int depth) throws IOException {
        for (String name : folder.names()) {
            if (full) {
                return;
            }
            if (++entries > MAX_ENTRIES) {
                stop("the submission holds more than " + MAX_ENTRIES + " files and folders");
                return;
            }
            String path = prefix + name;
            String badName = nameProblem(name);
            if (badName != null) {
                problems.add(path + ": " + badName);
                continue;
            }
            try {
                readEntry(folder, name, path, depth);
            } catch (IOException e) {
                problems.add(path + " could not be read: " + e);
            }
        }
    }

    private void readEntry(Folder folder, String name, String path, int depth) throws IOException {
        BasicFileAttributes attributes = folder.attributes(name);
        if (attributes.isSymbolicLink()) {
            problems.add(path + " is a symbolic link: a submission holds files and folders only");
        } else if (attributes.isDirectory()) {
            if (depth > MAX_DEPTH) {
                problems.add(path + " is nested more than " + MAX_DEPTH + " folders deep");
                return;
            }
            try (Folder sub = folder.openFolder(name)) {
                readFolder(sub, path + "/", depth + 1);
            }
        } else if (!attributes.isRegularFile()) {
            problems.add(path + " is not a regular file (a device, a pipe or a socket)");
        } else if (!name.endsWith(SOURCE_SUFFIX)) {
            ignored.add(path);
        } else if (attributes.size() > MAX_FILE_BYTES) {
            problems.add(path + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB (" + attributes.size() + " bytes)");
        } else {
            readSource(folder, name, path);
        }
    }

    private void readSource(Folder folder, String name, String path) throws IOException {
        byte[] bytes = folder.read(name, MAX_FILE_BYTES + 1); // one byte more tells a file that grew since
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(path + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
            return;
        }
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES) {
            stop("the sources add up to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB, at " + path);
            return;
        }
        CharBuffer text = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = utf8.decode(in, text, true);
        if (result.isError()) {
            problems.add(String.format("%s is not UTF-8: the byte at offset %d (0x%02X) starts a malformed "
                + "sequence; save the file as UTF-8", path, in.position(), bytes[in.position()] & 0xFF));
            return;
        }
        utf8.flush(text);
        sources.add(new Source(path, text.flip().toString()));
    }

    private void stop(String problem) {
        problems.add(problem);
        full = true;
    }

    /** Why a file or folder name is refused, or null when it is plain. */
    static String nameProblem(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "\"" + name + "\" is not a file name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '\\' || c == '/') {
                return String.format("the name holds the character U+%04X, which no source file name needs", (int) c);
            }
        }
        return null;
    }

    /** An open folder: entries are named relative to it, and links are never followed. */
    private abstract static class Folder implements Closeable {
        final DirectoryStream<Path> stream;

        Folder(DirectoryStream<Path> stream) {
            this.stream = stream;
        }

        static Folder of(Path directory) throws IOException {
            DirectoryStream<Path> s = Files.newDirectoryStream(directory);
            return s instanceof SecureDirectoryStream<Path> secure ? new Secure(secure) : new Plain(directory, s);
        }

        /** The entries' names, sorted. */
        List<String> names() {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                sorted.put(name, name);
                if (sorted.size() > MAX_ENTRIES) {
                    break; // enough to tell that the tree is too large
                }
            }
            return new ArrayList<>(sorted.keySet());
        }

        abstract BasicFileAttributes attributes(String name) throws IOException;

        abstract Folder openFolder(String name) throws IOException;

        abstract SeekableByteChannel open(String name) throws IOException;

        /** Reads at most {@code limit} bytes of a file. */
        byte[] read(String name, int limit) throws IOException {
            try (SeekableByteChannel channel = open(name)) {
                ByteBuffer buffer = ByteBuffer.allocate(limit);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // read until the file ends or the limit is reached
                }
                byte[] bytes = new byte[buffer.position()];
                buffer.flip().get(bytes);
                return bytes;
            }
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** A folder opened by handle: every entry is reached from it, with no path walked again. */
    private static final class Secure extends Folder {
        private final SecureDirectoryStream<Path> secure;

        Secure(SecureDirectoryStream<Path> secure) {
            super(secure);
            this.secure = secure;
        }

        @Override
        BasicFileAttributes attributes(String name) throws IOException {
            return secure.getFileAttributeView(Path.of(name), BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
        }

        @Override
        Folder openFolder(String name) throws IOException {
            return new Secure(secure.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS));
        }

        @Override
        SeekableByteChannel open(String name) throws IOException {
            return secure.newByteChannel(Path.of(name), READ_NO_LINK);
        }
    }

    /** A folder read by path, where the platform has no handles to read by. */
    private static final class Plain extends Folder {
        private final Path directory;

        Plain(Path directory, DirectoryStream<Path> stream) {
            super(stream);
            this.directory = directory;
        }

        @Override
        BasicFileAttributes attributes(String name) throws IOException {
            return Files.readAttributes(directory.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        Folder openFolder(String name) throws IOException {
            return of(directory.resolve(name));
        }

        @Override
        SeekableByteChannel open(String name) throws IOException {
            return Files.newByteChannel(directory.resolve(name), READ_NO_LINK);
        }
    }
}
