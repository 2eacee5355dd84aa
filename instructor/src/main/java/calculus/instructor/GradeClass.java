package calculus.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import calculus.grader.engine.Course;
import calculus.grader.engine.ModuleGrader;
import calculus.grader.engine.SandboxPool;
import calculus.grader.report.ModuleReport;
import calculus.grader.report.TaskSummary;
import calculus.grader.report.TestResult;

/**
 * Grades a whole class: every sub-folder (a student's copy of the course, a GitHub Classroom clone) or zip file of
 * a submissions folder is one student, graded with the official tests, visible and hidden, as
 * {@link GradeSubmission} grades one, by several workers in parallel (each with a grader and a warm test JVM of
 * its own). A student whose grade is already in the output folder is not graded again unless {@code --regrade}, so an
 * interrupted run resumes where it stopped.
 *
 * <p>Usage: {@code GradeClass --course DIR --submissions DIR --out DIR [--modules LIST] [--workers N] [--regrade]
 * [--shard K/N] [--similarity] [--secret-file FILE] [--fresh-jvm] [--force]}; {@code --similarity} adds
 * {@link Similarity}'s report of the class to the summary.
 *
 * <p>Writes {@code OUT/gradebook.csv} (one row per student: total, points per module and per task, flags),
 * {@code OUT/summary.md} (the class's distribution per task, the tasks most often failed with their most common
 * first message) and, per student, {@code OUT/students/ID/results.json} (Gradescope's format),
 * {@code feedback.txt} (what the student reads) and {@code grade.json} (the gradebook's row). Exit codes: 0 every
 * student graded, 2 wrong usage, 3 the grading failed for some student (never the student's fault; the flag
 * {@code grader-fault} marks them, and a rerun grades them again).
 */
public final class GradeClass {

    private GradeClass() {
    }

    static final String USAGE = "usage: GradeClass --course DIR --submissions DIR --out DIR [--modules LIST]"
        + " [--workers N] [--shard K/N] [--deadline ISO-TIME] [--regrade] [--similarity] [--secret-file FILE]"
        + " [--fresh-jvm] [--force]";

    /** The flag of a student whose grading failed (the grader's fault). */
    static final String GRADER_FAULT = "grader-fault";

    /** The most a zip may unpack to, and its most entries. */
    static final long ZIP_BYTES = 64L << 20;
    static final int ZIP_ENTRIES = 20_000;

    private static final Pattern MODULE_DIR = Pattern.compile("\\d\\d-.+");

    /**
     * One student's grade, as {@code grade.json} keeps it and the gradebook lists it.
     *
     * @param student the student's identity (the folder's or zip's name)
     * @param score   the points earned
     * @param max     the points available
     * @param modules points per module
     * @param tasks   points per task
     * @param taskMax the points each task is worth
     * @param flags   what went wrong beside lost points: {@code compile:MODULE}, {@code rules:MODULE},
     *                {@code files:MODULE}, {@code grader-fault}, {@code empty}
     * @param firsts  per task not done, the first failure's message (for the class summary)
     * @param seconds how long the grading took
     */
    record Grade(String student, int score, int max, Map<String, Integer> modules, Map<String, Integer> tasks,
                 Map<String, Integer> taskMax, List<String> flags, Map<String, String> firsts, double seconds) {
    }

    /** One student to grade: the identity and the folder that holds the course copy (or the zip). */
    record Student(String id, Path source) {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Path course;
        Path submissions;
        Path out;
        List<String> modules;
        int workers;
        java.time.Instant deadline;
        Args a;
        List<Student> students;
        try {
            a = Args.parse(args, Set.of("course", "submissions", "out", "modules", "workers", "secret-file", "shard",
                    "deadline"),
                Set.of("regrade", "fresh-jvm", "force", "similarity"), 0);
            course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
            submissions = Path.of(a.required("submissions")).toAbsolutePath().normalize();
            out = Path.of(a.required("out")).toAbsolutePath().normalize();
            modules = Args.modules(a.get("modules"), new Course(course).modules());
            workers = workers(a.get("workers"));
            deadline = deadline(a.get("deadline"));
            if (!Files.isDirectory(submissions, LinkOption.NOFOLLOW_LINKS)) {
                throw new Args.UsageError("the submissions folder does not exist: " + submissions);
            }
            Args.outsideCourse("the output folder", out, course, true, submissions);
            students = shard(students(submissions), a.get("shard"));
            if (students.isEmpty()) {
                throw new Args.UsageError("no submissions in " + submissions + " (a sub-folder or a .zip each)");
            }
            GradeSubmission.claimOutput(out, a.has("force"));
        } catch (Args.UsageError e) {
            stderr.println(e.getMessage());
            stderr.println(USAGE);
            return Args.USAGE;
        } catch (IOException e) {
            stderr.println("cannot read the submissions or use the output folder: " + e);
            return Args.USAGE;
        }
        try {
            String secret = SubmissionSeed.secret(course, a.get("secret-file"));
            if (secret == null || secret.isBlank()) {
                stderr.println("the grading secret is empty: give a --secret-file with some text in it");
                return Args.USAGE;
            }
            List<Grade> grades = gradeAll(course, out, students, modules, secret, workers, a.has("regrade"),
                a.has("fresh-jvm"), stderr);
            if (deadline != null) {
                grades = withLateFlags(grades, students, deadline);
            }
            Files.writeString(out.resolve("gradebook.csv"), gradebook(grades, modules), StandardCharsets.UTF_8);
            String summary = summary(grades);
            if (a.has("similarity")) {
                summary += "\n" + Similarity.report(course, students, out, modules, 10);
            }
            Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
            long faults = grades.stream().filter(g -> g.flags().contains(GRADER_FAULT)).count();
            stdout.println("graded " + grades.size() + " students: " + out.resolve("gradebook.csv") + ", "
                + out.resolve("summary.md") + (faults > 0 ? "; " + faults + " with a grader fault (rerun to retry)"
                : ""));
            return faults > 0 ? 3 : 0;
        } catch (IOException | RuntimeException e) {
            stderr.println("grading the class failed (not the students' fault): " + e);
            return 3;
        }
    }

    /**
     * The students of one shard, {@code K/N}: every N-th student from the K-th on, in name order, so that N
     * machines grade a class between them and {@link MergeGradebooks} puts their outputs together.
     */
    static List<Student> shard(List<Student> students, String shard) {
        if (shard == null) {
            return students;
        }
        java.util.regex.Matcher m = Pattern.compile("(\\d{1,3})/(\\d{1,3})").matcher(shard.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1
            || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            throw new Args.UsageError("--shard must be K/N with 1 <= K <= N, got \"" + shard + "\"");
        }
        int k = Integer.parseInt(m.group(1)) - 1;
        int n = Integer.parseInt(m.group(2));
        List<Student> mine = new ArrayList<>();
        for (int i = k; i < students.size(); i += n) {
            mine.add(students.get(i));
        }
        return mine;
    }

    private static java.time.Instant deadline(String given) {
        if (given == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(given.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new Args.UsageError("--deadline must be a date and time with its offset, such as "
                + "2026-12-01T23:59:00+01:00 or 2026-12-01T22:59:00Z, got \"" + given + "\"");
        }
    }

    /**
     * When a student handed in: the last commit's time for a git clone (as the student's machine recorded it: a
     * hint, not proof), else the newest file's modification time (for a zip: the zip's own).
     */
    static java.time.Instant submitted(Student s) throws IOException {
        Path p = s.source();
        if (Files.isRegularFile(p)) {
            return Files.getLastModifiedTime(p).toInstant();
        }
        if (Files.exists(p.resolve(".git"))) {
            try {
                Process git = new ProcessBuilder("git", "-C", p.toString(), "log", "-1", "--format=%ct")
                    .redirectErrorStream(true).start();
                String text = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (git.waitFor() == 0 && text.matches("\\d+")) {
                    return java.time.Instant.ofEpochSecond(Long.parseLong(text));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // no git: the files' times
            }
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                .filter(f -> !p.relativize(f).startsWith(".git"))
                .map(f -> {
                    try {
                        return Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant();
                    } catch (IOException e) {
                        return java.time.Instant.EPOCH;
                    }
                }).max(java.time.Instant::compareTo).orElse(java.time.Instant.EPOCH);
        }
    }

    /** The grades with a flag {@code late:+Nh} (hours after the deadline, rounded up) for every late student. */
    static List<Grade> withLateFlags(List<Grade> grades, List<Student> students, java.time.Instant deadline)
        throws IOException {
        List<Grade> out = new ArrayList<>();
        for (int i = 0; i < grades.size(); i++) {
            Grade g = grades.get(i);
            java.time.Instant when = submitted(students.get(i));
            if (when.isAfter(deadline)) {
                long hours = (java.time.Duration.between(deadline, when).toMinutes() + 59) / 60;
                List<String> flags = new ArrayList<>(g.flags());
                flags.add("late:+" + hours + "h");
                g = new Grade(g.student(), g.score(), g.max(), g.modules(), g.tasks(), g.taskMax(), flags, g.firsts(),
                    g.seconds());
            }
            out.add(g);
        }
        return out;
    }

    private static int workers(String given) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (given == null) {
            return Math.max(1, cores);
        }
        try {
            int n = Integer.parseInt(given.strip());
            if (n < 1 || n > 64) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Args.UsageError("--workers must be a number from 1 to 64, got \"" + given + "\"");
        }
    }

    /** The students of a submissions folder: its sub-folders and zip files, by name; hidden entries left out. */
    static List<Student> students(Path submissions) throws IOException {
        Map<String, Student> byId = new java.util.TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(submissions)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || Files.isSymbolicLink(p)) {
                    continue;
                }
                String id;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    id = name;
                } else if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") && Files.isRegularFile(p)) {
                    id = name.substring(0, name.length() - 4);
                } else {
                    continue;
                }
                if (byId.put(id, new Student(id, p)) != null) {
                    throw new Args.UsageError("two submissions of \"" + id + "\" (a folder and a zip?) in "
                        + submissions);
                }
            }
        }
        return List.copyOf(byId.values());
    }

    /** Grades every student not graded yet (or every one, with {@code regrade}), in parallel. */
    static List<Grade> gradeAll(Path course, Path out, List<Student> students, List<String> modules, String secret,
                                int workers, boolean regrade, boolean freshJvm, PrintStream progress)
        throws IOException {
        Path dir = out.resolve("students");
        Files.createDirectories(dir);
        Map<String, Grade> done = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Student> todo = new ArrayList<>();
        for (Student s : students) {
            Grade earlier = regrade ? null : read(dir.resolve(s.id()).resolve("grade.json"));
            if (earlier != null && !earlier.flags().contains(GRADER_FAULT)) {
                done.put(s.id(), earlier);
            } else {
                todo.add(s);
            }
        }
        if (!done.isEmpty()) {
            progress.println(done.size() + " of " + students.size() + " students already graded (--regrade grades "
                + "them again)");
        }
        LinkedBlockingQueue<Student> queue = new LinkedBlockingQueue<>(todo);
        int n = Math.min(workers, Math.max(1, todo.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n);
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            Path work = out.resolve("work").resolve("worker-" + w);
            futures.add(pool.submit(() -> {
                try (SandboxPool jvms = freshJvm ? SandboxPool.fresh() : SandboxPool.warm()) {
                    ModuleGrader grader = new ModuleGrader(jvms);
                    Student s;
                    while ((s = queue.poll()) != null) {
                        Grade g = gradeOne(grader, course, out, s, modules, secret, work);
                        done.put(s.id(), g);
                        int k = finished.incrementAndGet();
                        progress(progress, k, todo.size(), start, g);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            throw new IOException("a worker failed: " + e.getCause(), e.getCause());
        }
        List<Grade> all = new ArrayList<>();
        for (Student s : students) {
            all.add(done.get(s.id()));
        }
        return all;
    }

    private static synchronized void progress(PrintStream out, int k, int total, long start, Grade g) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / k * (total - k);
        int width = 30;
        int filled = (int) Math.round(width * (double) k / total);
        out.printf("[%s%s] %d/%d  %s elapsed, ETA %s  %s %d/%d%s%n", "#".repeat(filled), ".".repeat(width - filled),
            k, total, clock(elapsed), clock(eta), g.student(), g.score(), g.max(),
            g.flags().isEmpty() ? "" : " (" + String.join(", ", g.flags()) + ")");
        out.flush();
    }

    private static String clock(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    /** Grades one student and writes their results; a failure of the grader is recorded, never thrown. */
    static Grade gradeOne(ModuleGrader grader, Path course, Path out, Student s, List<String> modules, String secret,
                          Path work) {
        long start = System.nanoTime();
        Path dir = out.resolve("students").resolve(s.id());
        List<String> flags = new ArrayList<>();
        List<GradeSubmission.ModuleGrade> grades;
        try {
            Files.createDirectories(dir);
            Path root = s.source();
            if (Files.isRegularFile(s.source())) {
                root = out.resolve("unpacked").resolve(s.id());
                CourseFiles.deleteTree(root);
                unzip(s.source(), root);
            }
            root = courseRoot(root);
            long seed = SubmissionSeed.of(secret, s.id());
            grades = GradeSubmission.grade(grader, course, root, work, modules,
                Map.of("calculus.seed", Long.toString(seed)));
        } catch (IOException | RuntimeException e) {
            grades = new ArrayList<>();
            for (String m : modules) {
                grades.add(new GradeSubmission.ModuleGrade(m, null, GradeSubmission.GRADER_FAULT + " "
                    + calculus.grader.report.Text.sanitize(String.valueOf(e), 500)));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Grade g = grade(s.id(), grades, seconds);
        try {
            write(dir.resolve("results.json"), Gradescope.results(grades, seconds));
            write(dir.resolve("feedback.txt"), feedback(s.id(), grades));
            write(dir.resolve("grade.json"), GSON.toJson(g) + "\n"); // last: it marks the student as graded
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return g;
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Writes a file whole or not at all: a crash never leaves half a grade. */
    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Grade read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Grade.class);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: graded again
        }
    }

    /** A student's grade from their modules' grades. */
    static Grade grade(String student, List<GradeSubmission.ModuleGrade> grades, double seconds) {
        int score = 0;
        int max = 0;
        Map<String, Integer> modules = new LinkedHashMap<>();
        Map<String, Integer> tasks = new LinkedHashMap<>();
        Map<String, Integer> taskMax = new LinkedHashMap<>();
        Map<String, String> firsts = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        boolean anyCode = false;
        for (GradeSubmission.ModuleGrade g : grades) {
            if (g.problem().startsWith(GradeSubmission.GRADER_FAULT)) {
                if (!flags.contains(GRADER_FAULT)) {
                    flags.add(GRADER_FAULT);
                }
            }
            ModuleReport r = g.report();
            if (r == null) {
                modules.put(g.module(), 0);
                max += ModuleReport.MODULE_POINTS;
                continue;
            }
            if (r.blocker() != null) {
                flags.add(r.blocker().gradersFault() ? GRADER_FAULT : r.blocker().kind() + ":" + g.module());
            }
            score += r.score();
            max += r.max();
            modules.put(g.module(), r.score());
            for (TaskSummary t : r.tasks()) {
                tasks.put(t.task(), t.points());
                taskMax.put(t.task(), t.max());
                if (!t.done()) {
                    List<TestResult> failures = r.failures(t.task());
                    String first = r.blocker() != null ? r.blocker().kind() + ": "
                        + r.blocker().lines().stream().findFirst().orElse("")
                        : failures.isEmpty() ? t.status().label()
                        : failures.get(0).status().label() + ": " + failures.get(0).message();
                    firsts.put(t.task(), calculus.grader.report.Text.sanitize(first.lines().findFirst().orElse(""),
                        160));
                }
            }
            anyCode |= r.score() > 0;
        }
        if (!anyCode && score == 0 && flags.isEmpty()) {
            flags.add("no-points");
        }
        return new Grade(student, score, max, modules, tasks, taskMax, flags, firsts,
            Math.round(seconds * 10) / 10.0);
    }

    /** The feedback a student reads: their points per module and task, and what failed. */
    static String feedback(String student, List<GradeSubmission.ModuleGrade> grades) {
        StringBuilder out = new StringBuilder();
        out.append("Feedback for ").append(student).append(", graded with the course's official tests (visible and "
            + "hidden).\n\n");
        out.append(Gradescope.summary(grades));
        for (GradeSubmission.ModuleGrade g : grades) {
            if (g.report() == null) {
                continue;
            }
            for (TestResult t : g.report().tests()) {
                if (t.status() != calculus.grader.report.Status.PASSED && !t.hidden()) {
                    out.append("\n").append(g.module()).append("  ").append(t.name()).append("  (")
                        .append(t.status().label()).append(")\n    ").append(t.studentMessage().replace("\n",
                            "\n    ")).append('\n');
                } else if (t.status() != calculus.grader.report.Status.PASSED) {
                    out.append("\n").append(g.module()).append("  ").append(t.name()).append("  (hidden test, ")
                        .append(t.status().label()).append(")\n    ").append(t.studentMessage().replace("\n",
                            "\n    ")).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * The folder of a submission that holds the course's modules: the folder itself, or its only sub-folder when
     * it holds no module folder (a zip of the course folder, a clone inside a folder).
     */
    static Path courseRoot(Path dir) throws IOException {
        Path root = dir;
        for (int depth = 0; depth < 3; depth++) {
            List<Path> subs;
            try (Stream<Path> list = Files.list(root)) {
                subs = list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                        && !p.getFileName().toString().equals("__MACOSX")).toList();
            }
            if (subs.stream().anyMatch(p -> MODULE_DIR.matcher(p.getFileName().toString()).matches())
                || subs.size() != 1) {
                return root;
            }
            root = subs.get(0);
        }
        return root;
    }

    /**
     * Unpacks a zip into a new folder: entries that would land outside it, links, and archives larger than
     * {@link #ZIP_BYTES} or with more than {@link #ZIP_ENTRIES} entries are refused.
     */
    static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in,
            StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (++entries > ZIP_ENTRIES) {
                    throw new IOException(zip.getFileName() + " has more than " + ZIP_ENTRIES + " entries");
                }
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into) || e.getName().startsWith("/") || e.getName().contains("\\")) {
                    throw new IOException(zip.getFileName() + " has an entry outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var os = Files.newOutputStream(target)) {
                    int n;
                    while ((n = z.read(buffer)) > 0) {
                        total += n;
                        if (total > ZIP_BYTES) {
                            throw new IOException(zip.getFileName() + " unpacks to more than " + (ZIP_BYTES >> 20)
                                + " MB");
                        }
                        os.write(buffer, 0, n);
                    }
                }
            }
        }
    }

    /** A CSV field as RFC 4180 wants it, and never a formula for a spreadsheet. */
    static String csv(String field) {
        String f = field;
        if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0) {
            f = "'" + f;
        }
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r") || f.contains(";")) {
            f = "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }

    /**
     * The gradebook: a header row, then one row per student (student, total, max, the points of each module, of
     * each task, the flags separated by semicolons). Comma-separated, UTF-8, CRLF line ends (RFC 4180), plain
     * numbers: Canvas, Moodle and spreadsheets import it.
     */
    static String gradebook(List<Grade> grades, List<String> modules) {
        List<String> tasks = new ArrayList<>();
        for (Grade g : grades) {
            for (String t : g.taskMax().keySet()) {
                if (!tasks.contains(t)) {
                    tasks.add(t);
                }
            }
        }
        tasks.sort(TaskSummary::compareNumbers);
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student", "total", "max"));
        header.addAll(modules);
        tasks.forEach(t -> header.add("task " + t));
        header.add("flags");
        out.append(String.join(",", header)).append("\r\n");
        for (Grade g : grades) {
            List<String> row = new ArrayList<>();
            row.add(csv(g.student()));
            row.add(Integer.toString(g.score()));
            row.add(Integer.toString(g.max()));
            for (String m : modules) {
                row.add(Integer.toString(g.modules().getOrDefault(m, 0)));
            }
            for (String t : tasks) {
                row.add(Integer.toString(g.tasks().getOrDefault(t, 0)));
            }
            row.add(csv(String.join(";", g.flags())));
            out.append(String.join(",", row)).append("\r\n");
        }
        return out.toString();
    }

    /** The class at a glance, for the instructor: totals, each task's distribution, the tasks most often failed. */
    static String summary(List<Grade> grades) {
        StringBuilder out = new StringBuilder("# Class summary\n\n");
        List<Integer> totals = grades.stream().map(Grade::score).sorted().toList();
        int max = grades.stream().mapToInt(Grade::max).max().orElse(0);
        out.append(String.format("%d students; total points (of %d): mean %.1f, median %d, min %d, max %d%n%n",
            grades.size(), max, totals.stream().mapToInt(Integer::intValue).average().orElse(0),
            totals.isEmpty() ? 0 : totals.get(totals.size() / 2), totals.isEmpty() ? 0 : totals.get(0),
            totals.isEmpty() ? 0 : totals.get(totals.size() - 1)));
        Map<String, Long> flags = new java.util.TreeMap<>();
        grades.forEach(g -> g.flags().forEach(f -> flags.merge(f, 1L, Long::sum)));
        if (!flags.isEmpty()) {
            out.append("Flags: ");
            flags.forEach((f, c) -> out.append(f).append(" ×").append(c).append("  "));
            out.append("\n\n");
        }
        Map<String, Integer> taskMax = new java.util.TreeMap<>(TaskSummary::compareNumbers);
        grades.forEach(g -> taskMax.putAll(g.taskMax()));
        out.append("## Tasks\n\n| task | max | mean | full | partial | zero |\n|---|---:|---:|---:|---:|---:|\n");
        record Failed(String task, long count, String message, long same) {
        }
        List<Failed> failed = new ArrayList<>();
        for (Map.Entry<String, Integer> e : taskMax.entrySet()) {
            String t = e.getKey();
            int m = e.getValue();
            int full = 0;
            int zero = 0;
            double sum = 0;
            Map<String, Long> messages = new LinkedHashMap<>();
            Map<String, String> example = new LinkedHashMap<>();
            for (Grade g : grades) {
                int p = g.tasks().getOrDefault(t, 0);
                sum += p;
                if (p >= m) {
                    full++;
                } else if (p == 0) {
                    zero++;
                }
                String first = g.firsts().get(t);
                if (first != null) {
                    String key = first.replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#");
                    messages.merge(key, 1L, Long::sum);
                    example.putIfAbsent(key, first);
                }
            }
            out.append(String.format("| %s | %d | %.1f | %d | %d | %d |%n", t, m,
                grades.isEmpty() ? 0 : sum / grades.size(), full, grades.size() - full - zero, zero));
            int notFull = grades.size() - full;
            if (notFull > 0) {
                Map.Entry<String, Long> top = messages.entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElse(null);
                failed.add(new Failed(t, notFull, top == null ? "" : example.get(top.getKey()),
                    top == null ? 0 : top.getValue()));
            }
        }
        failed.sort((x, y) -> Long.compare(y.count(), x.count()));
        out.append("\n## Tasks most often failed\n\n");
        if (failed.isEmpty()) {
            out.append("Every student earned every task's points.\n");
        }
        for (Failed f : failed.subList(0, Math.min(10, failed.size()))) {
            out.append(String.format("- **%s**: %d of %d students without full points; most common first message "
                + "(%d): `%s`%n", f.task(), f.count(), grades.size(), f.same(), f.message().replace("`", "'")));
        }
        return out.toString();
    }
}
