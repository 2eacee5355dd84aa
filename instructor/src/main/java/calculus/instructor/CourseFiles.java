package calculus.instructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import calculus.grader.engine.Course;

/** File work shared by the instructor tools: the course's own files, copies, deletion, running commands. */
final class CourseFiles {

    /** The exercise modules of a course, in course order: the root POM's list, the one place that names them. */
    static List<String> modules(Path course) {
        return new Course(course).modules();
    }

    private CourseFiles() {
    }

    /**
     * The course's own files, relative to its root: what git tracks (plus new files it does not ignore) when the
     * course is a git checkout, otherwise every file outside build folders.
     */
    static List<Path> courseFiles(Path root) throws IOException {
        return gitFiles(root, true);
    }

    /**
     * The files git tracks, relative to the root, when the course is a git checkout (an untracked file, such as a
     * grading output someone left in the course, is not among them); otherwise every file outside build folders.
     */
    static List<Path> trackedFiles(Path root) throws IOException {
        return gitFiles(root, false);
    }

    /** Every regular file under a folder, relative to it, build folders included; none for a missing folder. */
    static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    /** Deletes the empty folders under a folder (not the folder itself), deepest first. */
    static void deleteEmptyFolders(Path dir) throws IOException {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(dir)) {
            dirs = walk.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !p.equals(dir))
                .sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        }
        for (Path d : dirs) {
            try (Stream<Path> list = Files.list(d)) {
                if (list.findAny().isEmpty()) {
                    Files.delete(d);
                }
            }
        }
    }

    private static List<Path> gitFiles(Path root, boolean untracked) throws IOException {
        if (Files.exists(root.resolve(".git"))) {
            try {
                List<String> command = new ArrayList<>(List.of("git", "ls-files", "-z", "--cached"));
                if (untracked) {
                    command.addAll(List.of("--others", "--exclude-standard"));
                }
                Process git = new ProcessBuilder(command)
                    .directory(root.toFile()).redirectErrorStream(false).start();
                byte[] out = git.getInputStream().readAllBytes();
                if (git.waitFor() == 0) {
                    List<Path> files = new ArrayList<>();
                    for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                        if (!name.isEmpty() && Files.isRegularFile(root.resolve(name))) {
                            files.add(Path.of(name));
                        }
                    }
                    return files;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while listing the course's files", e);
            } catch (IOException e) {
                // no git on this machine: fall back to walking the folder
            }
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize)
                .filter(p -> !isBuildOutput(p)).sorted().toList();
        }
    }

    /** Build folders and VCS data: never part of a copy. */
    static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals(".git") || name.equals("target") || name.startsWith("target-")) {
                return true;
            }
        }
        return false;
    }

    /** Copies the given files (relative paths) from one root to another, keeping the executable bit. */
    static void copy(Path from, Path to, List<Path> files) throws IOException {
        for (Path file : files) {
            Path target = to.resolve(file.toString());
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(file.toString()), target, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * Copies every regular file under {@code from} that passes the filter to the same place under {@code to},
     * build folders left out.
     */
    static int copyTree(Path from, Path to, Predicate<Path> filter) throws IOException {
        return copyFiles(from, to, filter.and(p -> !isBuildOutput(p)));
    }

    /** Copies every regular file under {@code from} that passes the filter, build folders included. */
    static int copyEverything(Path from, Path to, Predicate<Path> filter) throws IOException {
        return copyFiles(from, to, filter);
    }

    private static int copyFiles(Path from, Path to, Predicate<Path> filter) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).map(from::relativize).filter(filter).toList();
        }
        copy(from, to, files);
        return files.size();
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The Maven wrapper of a course copy, as a command for this operating system. */
    static List<String> mavenWrapper(Path course) {
        Path root = course.toAbsolutePath();
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        return windows ? List.of("cmd", "/c", root.resolve("mvnw.cmd").toString())
            : List.of("sh", root.resolve("mvnw").toString());
    }

    /**
     * Runs a command in a folder, its output (standard and error) going to a log file, and waits at most
     * {@code timeoutMinutes}.
     *
     * @return the exit code, or -1 if it had to be killed
     */
    static int run(List<String> command, Path dir, Path log, long timeoutMinutes) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
