package calculus.grader.policy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** STAND-IN until the real checks land. */
public final class SubmissionFiles {

    private SubmissionFiles() {
    }

    public record Source(String path, String text) {
    }

    public record Sources(List<Source> files, List<String> problems) {
    }

    public static Sources read(Path root) throws IOException {
        List<Source> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return new Sources(files, problems);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isSymbolicLink(p)) {
                    problems.add(root.relativize(p) + " is a symbolic link");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.toString().endsWith(".java")) {
                    try {
                        String text = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
                        files.add(new Source(root.relativize(p).toString().replace('\\', '/'), text));
                    } catch (CharacterCodingException e) {
                        problems.add(root.relativize(p) + " is not UTF-8");
                    }
                }
            }
        }
        return new Sources(files, problems);
    }
}
