package calculus.instructor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small file trees in a test's temporary folder: a fake course, a fake release, a fake workspace. */
final class Trees {

    private Trees() {
    }

    /** Writes a UTF-8 file at a path relative to {@code root}, creating its folders. */
    static Path write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, UTF_8);
    }

    /** Every regular file under {@code root}, as sorted relative paths with forward slashes. */
    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                .sorted().toList();
        }
    }
}
