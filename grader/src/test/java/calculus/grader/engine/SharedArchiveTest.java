package calculus.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test JVM's class-data-sharing archive: recorded, made, used, and made again when a jar changes. */
class SharedArchiveTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a class path with a folder in it gets no archive")
    void foldersGetNone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("classes"));
        assertThat(SharedArchive.of(SandboxSettings.defaults(), List.of(jar(), folder), dir.resolve("cds"))).isNull();
    }

    @Test
    @DisplayName("the first JVM records its classes; the archive made from them is valid and used; a changed jar records again")
    void recordMakeUse() throws Exception {
        Path folder = dir.resolve("cds");
        List<Path> classpath = List.of(jar());
        SandboxSettings defaults = SandboxSettings.defaults();

        SandboxSettings first = SharedArchive.of(defaults, classpath, folder).settings();
        assertThat(first.jvmOptions()).anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList=") && o.contains("%p"))
            .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
        assertThat(java(first, classpath)).isZero();
        assertThat(files(folder, ".classes")).hasSize(1);

        SharedArchive.of(defaults, classpath, folder).create();
        assertThat(files(folder, ".jsa")).hasSize(1);
        assertThat(files(folder, ".classes")).as("the class lists are deleted").isEmpty();
        assertThat(files(folder, ".partial")).isEmpty();

        SandboxSettings later = SharedArchive.of(defaults, classpath, folder).settings();
        assertThat(later.jvmOptions()).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="))
            .noneMatch(o -> o.startsWith("-XX:DumpLoadedClassList="));
        // -Xshare:on makes an archive the JVM cannot map an error, where the test JVM's -Xshare:auto would ignore it
        List<String> on = new ArrayList<>(later.jvmOptions().stream().filter(o -> !o.startsWith("-Xshare")).toList());
        on.add("-Xshare:on");
        assertThat(java(new SandboxSettings(later.java(), on, later.defaultSteps(), later.cpuMillis(),
            later.wallMillis(), later.outputLimit()), classpath)).as("a JVM that must map the archive starts").isZero();

        Files.setLastModifiedTime(classpath.get(0), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(SharedArchive.of(defaults, classpath, folder).settings().jvmOptions())
            .as("a rebuilt jar has no archive yet").anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList="));
    }

    /** A copy of JUnit's API jar, ours to touch. */
    private Path jar() throws IOException {
        try {
            Path junit = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path copy = dir.resolve("api.jar");
            if (!Files.exists(copy)) {
                Files.copy(junit, copy);
            }
            return copy;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int java(SandboxSettings settings, List<Path> classpath) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(classpath.get(0).toString());
        command.add("-version");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
