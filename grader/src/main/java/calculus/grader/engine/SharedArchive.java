package calculus.grader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the test JVM's own classes: JUnit, AssertJ, the oracles and the grader. Without
 * it, every test JVM reads, parses and verifies some 2,000 classes from jars before its first test; with it, the JVM
 * maps them ready-made from one file. Measured on module 01's graded run: the test JVM's life 1.29 s against
 * 0.85 s, a tenth of the whole {@code ./mvnw test -pl 01-derivatives}.
 *
 * <p>The JDK makes the archive itself ({@code java -Xshare:dump}), from the list of classes that the first test JVM
 * without an archive loaded ({@code -XX:DumpLoadedClassList}), once that JVM's module is graded: the first run pays
 * about two seconds more, after its scoreboard, and every later run is faster.
 *
 * <p>Only classes of the grader's class path are archived: never the code under test, which the test JVM defines
 * itself from bytes it instruments, and which the JDK does not archive. One archive per JDK, JVM options and class
 * path with each jar's size and time, in a folder of the build's own ({@code target/class-data}): a rebuilt jar or
 * another JDK gets an archive of its own, and the JVM ignores an archive whose jars changed. A class path with a
 * folder in it (a build of the grader itself that stops before its jar) gets none, since the JDK archives only
 * jars. A failure costs nothing but the speed: the test JVM loads its classes the usual way.
 */
final class SharedArchive {

    /** The most archives kept in the folder, newest first: a grader rebuilt many times leaves no heap of them. */
    private static final int KEPT = 4;
    /** The longest the JDK may take to make an archive (it takes two or three seconds). */
    private static final long DUMP_SECONDS = 120;
    private static final String PREFIX = "test-jvm-";

    private final SandboxSettings settings;
    private final List<Path> classpath;
    private final Path folder;
    private final Path archive;
    private final Path failed;
    private final String key;

    private SharedArchive(SandboxSettings settings, List<Path> classpath, Path folder, String key) {
        this.settings = settings;
        this.classpath = List.copyOf(classpath);
        this.folder = folder;
        this.archive = folder.resolve(PREFIX + key + ".jsa");
        this.failed = folder.resolve(PREFIX + key + ".failed");
        this.key = key;
    }

    /**
     * The archive for test JVMs with these settings and this class path, kept in {@code folder}; {@code null} when
     * the class path holds anything but jars.
     */
    static SharedArchive of(SandboxSettings settings, List<Path> classpath, Path folder) {
        if (classpath.isEmpty() || !classpath.stream().allMatch(SharedArchive::isJar)) {
            return null;
        }
        try {
            return new SharedArchive(settings, classpath, folder, key(settings, classpath));
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar");
    }

    /** SHA-256 of the JDK, the JVM options and every jar's path, size and time, in hex. */
    private static String key(SandboxSettings settings, List<Path> classpath) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(settings.java()).append('\n').append(System.getProperty("java.vm.version")).append('\n');
        s.append(String.join(" ", settings.jvmOptions())).append('\n');
        for (Path jar : classpath) {
            s.append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ')
                .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The settings for test JVMs: mapping the archive where it exists, else recording the classes they load so that
     * {@link #create()} can make it (unless making it failed before).
     */
    SandboxSettings settings() {
        List<String> options = new ArrayList<>(settings.jvmOptions());
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else if (!Files.exists(failed)) {
            try {
                Files.createDirectories(folder);
                // one list per JVM: the JVM writes its process id where the name says %p
                options.add("-XX:DumpLoadedClassList=" + folder.resolve(PREFIX + key + "-%p.classes"));
            } catch (IOException e) {
                return settings;
            }
        }
        return new SandboxSettings(settings.java(), options, settings.defaultSteps(), settings.cpuMillis(),
            settings.wallMillis(), settings.outputLimit());
    }

    /**
     * Makes the archive from the classes the test JVMs loaded, if there is none yet: the JDK's own dump, into a file
     * of this process's that then takes the archive's name at once, so that a JVM never maps half an archive. A
     * dump that fails is not tried again for this class path. Deletes the class list, and all but the newest
     * archives.
     */
    void create() {
        List<Path> lists = new ArrayList<>();
        try {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + key + "-pid*.classes")) {
                files.forEach(lists::add);
            }
            if (lists.isEmpty()) {
                return;
            }
            if (!Files.exists(archive)) {
                // the longest list: a test JVM replaced after a stopped test loaded fewer classes
                lists.sort(Comparator.comparingLong(SharedArchive::size).reversed());
                dump(lists.get(0));
            }
            prune();
        } catch (IOException e) {
            // no archive: the next run records the classes again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Path list : lists) {
                try {
                    Files.deleteIfExists(list);
                } catch (IOException e) {
                    // a leftover list in our own folder
                }
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private void dump(Path classList) throws IOException, InterruptedException {
        Path partial = folder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.addAll(settings.jvmOptions().stream().filter(o -> !o.startsWith("-Xshare")).toList());
        command.add("-Xshare:dump");
        command.add("-XX:SharedClassListFile=" + classList);
        command.add("-XX:SharedArchiveFile=" + partial);
        command.add("-cp");
        command.add(SandboxProcess.joined(classpath));
        // the JDK lists every class it could not archive (the code under test, the lambdas of test classes): not
        // for the student's screen
        Process p = new ProcessBuilder(command).directory(folder.toFile())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = p.waitFor(DUMP_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        try {
            if (ended && p.exitValue() == 0 && Files.isRegularFile(partial)) {
                // the JDK makes it read-only, which on Windows would stop mvn clean from deleting it
                partial.toFile().setWritable(true);
                try {
                    Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.writeString(failed, "java -Xshare:dump " + (ended ? "exited with " + p.exitValue()
                    : "took more than " + DUMP_SECONDS + " s") + "\n");
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Deletes our archives but the newest few: only files of our own name, in our own folder. */
    private void prune() throws IOException {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*.jsa")) {
            files.forEach(archives::add);
        }
        if (archives.size() <= KEPT) {
            return;
        }
        archives.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed());
        for (Path old : archives.subList(KEPT, archives.size())) {
            if (!old.equals(archive)) {
                Files.deleteIfExists(old);
            }
        }
    }
}
