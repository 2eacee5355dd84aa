package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.TaskSummary;

/**
 * Writes the GitHub Classroom autograding workflow from the course's tasks and points: one graded run of the whole
 * course ({@code ./mvnw test}, the time of one build), then one step per task that only reads the task's verdict
 * from the module's {@code target/grading/tasks.txt}, worth that task's points (so each module's steps add up to its
 * 100 points) when every test of the task passed. A module that does not compile costs only its own tasks: the
 * grader grades every other module, and every step runs whatever came before.
 *
 * <p>Usage: {@code ClassroomWorkflow --course DIR --write FILE} or {@code --check FILE}. It reads the tasks from
 * the modules' {@code target/grading/results.json}, so run {@code ./mvnw test} first. {@code --check} fails (exit 1)
 * when the file differs from what the current tasks and points give.
 */
public final class ClassroomWorkflow {

    private ClassroomWorkflow() {
    }

    static final String USAGE = "usage: ClassroomWorkflow --course DIR [--write FILE | --check FILE]";

    public static void main(String[] args) throws IOException {
        Args a;
        try {
            a = Args.parse(args, Set.of("course", "write", "check"), Set.of(), 0);
            if (a.get("write") != null && a.get("check") != null) {
                throw new Args.UsageError("--write and --check exclude each other");
            }
        } catch (Args.UsageError e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(Args.USAGE);
            return;
        }
        Path course = Path.of(a.get("course", ".")).toAbsolutePath().normalize();
        String yaml = workflow(course);
        if (a.get("write") != null) {
            Files.writeString(Path.of(a.get("write")), yaml, StandardCharsets.UTF_8);
            System.out.println("wrote " + a.get("write"));
        } else if (a.get("check") != null) {
            Path file = Path.of(a.get("check"));
            String current = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!current.equals(yaml)) {
                System.err.println(file + " is out of date with the tasks and points: regenerate it with "
                    + "tools/instructor-tool ClassroomWorkflow --write " + file);
                System.exit(1);
            }
            System.out.println(file + " is up to date");
        } else {
            System.out.print(yaml);
        }
    }

    static String workflow(Path course) throws IOException {
        StringBuilder steps = new StringBuilder();
        StringBuilder env = new StringBuilder();
        StringBuilder runners = new StringBuilder();
        for (String module : CourseFiles.modules(course)) {
            Path results = course.resolve(module).resolve("target").resolve("grading").resolve("results.json");
            if (!Files.isRegularFile(results)) {
                throw new IOException("no " + results + ": run ./mvnw test first");
            }
            ModuleReport all = ModuleReport.fromJson(Files.readString(results, StandardCharsets.UTF_8));
            // students' repositories have no hidden tests: their points are not to be had there
            ModuleReport visible = new ModuleReport(all.module(), all.title(), all.role(), all.check(), all.build(),
                all.lesson(), all.titles(), all.tests().stream().filter(t -> !t.hidden()).toList(), all.errors(),
                all.blocker(), all.selection());
            List<TaskSummary> tasks = visible.tasks();
            for (TaskSummary t : tasks) {
                String id = "task-" + t.task().replace('.', '-');
                steps.append("      - name: \"").append(module).append(", Task ").append(t.task()).append("\"\n")
                    .append("        id: ").append(id).append('\n')
                    .append("        if: always()\n")
                    .append("        uses: classroom-resources/autograding-command-grader@v1\n")
                    .append("        with:\n")
                    .append("          test-name: \"").append(module).append(", Task ").append(t.task()).append(": ")
                    .append(t.title().replace("\"", "'")).append("\"\n")
                    .append("          command: grep -q '^").append(t.task().replace(".", "\\.")).append(" PASSED ' ")
                    .append(module).append("/target/grading/tasks.txt\n")
                    .append("          timeout: 1\n")
                    .append("          max-score: ").append(t.max()).append('\n');
                env.append("          ").append(id.toUpperCase()).append("_RESULTS: \"${{ steps.").append(id)
                    .append(".outputs.result }}\"\n");
                runners.append(runners.length() == 0 ? "" : ",").append(id);
            }
        }
        return "# GitHub Classroom autograding: the course graded once, then one step per task that reads its verdict,\n"
            + "# worth that task's points; each module's steps add up to 100. Generated by\n"
            + "# tools/instructor-tool ClassroomWorkflow --write .github/workflows/classroom.yml\n"
            + "# (CI checks that it is up to date). For grades that students cannot influence, grade submissions\n"
            + "# with tools/grade-submission (docs/instructors.md).\n"
            + "name: Autograding Tests\n"
            + "on:\n"
            + "  - push\n"
            + "  - repository_dispatch\n"
            + "permissions:\n"
            + "  checks: write\n"
            + "  actions: read\n"
            + "  contents: read\n"
            + "jobs:\n"
            + "  run-autograding-tests:\n"
            + "    runs-on: ubuntu-latest\n"
            + "    if: github.actor != 'github-classroom[bot]'\n"
            + "    steps:\n"
            + "      - uses: actions/checkout@v4\n"
            + "      - uses: actions/setup-java@v4\n"
            + "        with:\n"
            + "          distribution: temurin\n"
            + "          java-version: 17\n"
            + "          cache: maven\n"
            + "      - name: Grade the course once (a red test or a module that does not compile ends no step)\n"
            + "        run: ./mvnw --batch-mode test\n"
            + steps
            + "      - name: Autograding Reporter\n"
            + "        if: always()\n"
            + "        uses: classroom-resources/autograding-grading-reporter@v1\n"
            + "        env:\n"
            + env
            + "        with:\n"
            + "          runners: " + runners + "\n";
    }
}
