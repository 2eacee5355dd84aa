package calculus.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import calculus.grader.engine.Course;

/**
 * Makes a ready Gradescope autograder: a zip with {@code setup.sh} (installs a JDK, compiles the grader once and
 * keeps what grading needs in {@code /autograder/source/lib}), {@code run_autograder} (grades
 * {@code /autograder/submission} into {@code /autograder/results/results.json} with plain {@code java}, within the
 * default 768 MB), the course as git tracks it (solutions and hidden tests included: the zip stays with the
 * instructor and Gradescope) under {@code course/}, and the grading secret.
 *
 * <p>Usage: {@code GradescopeAutograder --course DIR --out OUT.zip [--modules LIST] [--secret-file FILE] [--force]}
 */
public final class GradescopeAutograder {

    private GradescopeAutograder() {
    }

    static final String USAGE = "usage: GradescopeAutograder --course DIR --out OUT.zip [--modules LIST]"
        + " [--secret-file FILE] [--force]";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path course;
        Path out;
        Args a;
        List<String> modules;
        try {
            a = Args.parse(args, Set.of("course", "out", "modules", "secret-file"), Set.of("force"), 0);
            course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
            out = Path.of(a.required("out")).toAbsolutePath().normalize();
            if (!out.getFileName().toString().endsWith(".zip")) {
                throw new Args.UsageError("--out must name a .zip file, got " + out);
            }
            modules = a.get("modules") == null ? null : Args.modules(a.get("modules"), new Course(course).modules());
            Args.outsideCourse("the autograder zip", out, course, true);
            if (Files.exists(out) && !a.has("force")) {
                throw new Args.UsageError(out + " exists: pass --force to replace it");
            }
            if (Files.isDirectory(out)) {
                throw new Args.UsageError(out + " is a folder");
            }
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return Args.USAGE;
        }
        try {
            String secret = SubmissionSeed.secret(course, a.get("secret-file"));
            write(course, out, modules, secret);
            System.out.println("Gradescope autograder written to " + out);
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("could not write the autograder: " + e);
            return 1;
        }
    }

    /** The files of the zip besides the course: the two scripts and the secret. */
    static void write(Path course, Path out, List<String> modules, String secret) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
            add(zip, "setup.sh", resource("setup.sh"), true);
            String run = resourceText("run_autograder").replace("@MODULES@",
                modules == null ? "" : "--modules " + String.join(",", modules));
            add(zip, "run_autograder", run, true);
            add(zip, "grading-secret", (secret + "\n").getBytes(StandardCharsets.UTF_8), false);
            List<Path> files = new ArrayList<>();
            for (Path f : CourseFiles.trackedFiles(course)) {
                if (!CourseFiles.isBuildOutput(f) && !f.startsWith(".git") && !f.toString().equals(SubmissionSeed.FILE)) {
                    files.add(f);
                }
            }
            for (Path f : files) {
                Path p = course.resolve(f.toString());
                add(zip, "course/" + f.toString().replace('\\', '/'), Files.readAllBytes(p), Files.isExecutable(p));
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GradescopeAutograder.class.getResourceAsStream("gradescope/" + name)) {
            if (in == null) {
                throw new IOException("missing resource gradescope/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static String resourceText(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static void add(ZipOutputStream zip, String name, String text, boolean executable) throws IOException {
        add(zip, name, text.getBytes(StandardCharsets.UTF_8), executable);
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes, boolean executable) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FileTime.fromMillis(0));
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }
}
