package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/** The GitHub Classroom workflow generated from the tasks and points in a fake course's results files. */
class ClassroomWorkflowTest {

    /** One autograding step: its id, test name, command and points. */
    private static final Pattern STEP = Pattern.compile("      - name: \"[^\"]*\"\n"
        + "        id: (\\S+)\n"
        + "        if: always\\(\\)\n"
        + "        uses: classroom-resources/autograding-command-grader@v1\n"
        + "        with:\n"
        + "          test-name: \"([^\"]*)\"\n"
        + "          command: (.*)\n"
        + "          timeout: 1\n"
        + "          max-score: (\\d+)\n");

    private record Step(String id, String testName, String command, int maxScore) {
    }

    /** The course's modules, from its root POM; the temporary course below has the same POM. */
    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = CourseFiles.modules(COURSE);

    @TempDir
    Path course;

    /**
     * Writes every module's results: in module N, Task N.1 has two tests (30 + 10 points), Task N.2 one (45) and
     * Task N.10 one (15), written out of order; Task N.2's title has a double quote in it.
     */
    private void writeResults(boolean withHiddenTests) throws IOException {
        Files.copy(COURSE.resolve("pom.xml"), course.resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
        for (String module : MODULES) {
            int n = Integer.parseInt(module.substring(0, 2));
            Map<String, String> titles = new LinkedHashMap<>();
            titles.put(n + ".1", "First steps");
            titles.put(n + ".2", "The \"second\" task");
            titles.put(n + ".10", "Last");
            List<TestResult> tests = new ArrayList<>(List.of(
                Grades.visible(module, n + ".10", "last", Status.TODO, 15),
                Grades.visible(module, n + ".1", "a", Status.PASSED, 30),
                Grades.visible(module, n + ".2", "c", Status.FAILED, 45),
                Grades.visible(module, n + ".1", "b", Status.TODO, 10)));
            if (withHiddenTests) {
                tests.add(Grades.test(module, n + ".1", "hidden", Status.TODO, 7, "TODO", TestResult.HIDDEN));
                tests.add(Grades.test(module, n + ".2", "withheld", Status.TODO, 5, "TODO", TestResult.WITHHELD));
            }
            Trees.write(course, module + "/target/grading/results.json",
                Grades.report(module, titles, tests).toJson());
        }
    }

    private static List<Step> steps(String yaml) {
        List<Step> steps = new ArrayList<>();
        Matcher m = STEP.matcher(yaml);
        while (m.find()) {
            steps.add(new Step(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4))));
        }
        return steps;
    }

    private static Map<String, Integer> pointsPerModule(List<Step> steps) {
        Map<String, Integer> sums = new LinkedHashMap<>();
        for (Step s : steps) {
            sums.merge(s.testName().substring(0, s.testName().indexOf(',')), s.maxScore(), Integer::sum);
        }
        return sums;
    }

    @Test
    @DisplayName("one step per task in number order, worth the task's points, so each module's steps add up to 100")
    void oneStepPerTask() throws IOException {
        writeResults(false);

        List<Step> steps = steps(ClassroomWorkflow.workflow(course));

        assertThat(steps).hasSize(3 * MODULES.size());
        assertThat(steps.subList(0, 3)).extracting(Step::id, Step::testName, Step::maxScore).containsExactly(
            tuple("task-1-1", "01-derivatives, Task 1.1: First steps", 40),
            tuple("task-1-2", "01-derivatives, Task 1.2: The 'second' task", 45),
            tuple("task-1-10", "01-derivatives, Task 1.10: Last", 15));
        assertThat(pointsPerModule(steps)).containsOnlyKeys(MODULES).allSatisfy((module, sum) ->
            assertThat(sum).as(module).isEqualTo(100));
    }

    @Test
    @DisplayName("the course is graded once; each step only reads its task's verdict from its module's tasks.txt, and "
        + "runs even after a failed step")
    void commandPerTask() throws IOException {
        writeResults(false);

        String yaml = ClassroomWorkflow.workflow(course);
        List<Step> steps = steps(yaml);

        assertThat(yaml).contains("        run: ./mvnw --batch-mode test\n").doesNotContain("-Dtask");
        assertThat(steps.get(0).command()).isEqualTo("grep -q '^1\\.1 PASSED ' 01-derivatives/target/grading/tasks.txt");
        assertThat(steps).allSatisfy(s -> {
            String task = s.id().substring("task-".length()).replace('-', '.');
            String module = s.testName().substring(0, s.testName().indexOf(','));
            assertThat(s.command()).as(s.id()).isEqualTo("grep -q '^" + task.replace(".", "\\.") + " PASSED ' "
                + module + "/target/grading/tasks.txt");
        });
    }

    @Test
    @DisplayName("a step's command passes for its task PASSED and for nothing else: not FAILED, not Task 1.10 for 1.1")
    void commandReadsTheVerdict() throws IOException, InterruptedException {
        writeResults(false);
        Path tasks = course.resolve("01-derivatives/target/grading/tasks.txt");
        List<Step> steps = steps(ClassroomWorkflow.workflow(course));
        Step first = steps.get(0);

        Files.writeString(tasks, "1.1 FAILED 0/40\n1.10 PASSED 15/15\n");
        assertThat(exit(first.command())).as("1.1 FAILED, 1.10 PASSED").isNotZero();
        Files.writeString(tasks, "1.1 PASSED 40/40\n");
        assertThat(exit(first.command())).as("1.1 PASSED").isZero();
    }

    private int exit(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", command).directory(course.toFile()).inheritIO().start().waitFor();
    }

    @Test
    @DisplayName("the reporter lists every step id as a runner, in order, with its result in the environment")
    void reporterListsEveryStep() throws IOException {
        writeResults(false);

        String yaml = ClassroomWorkflow.workflow(course);
        List<String> ids = steps(yaml).stream().map(Step::id).toList();

        assertThat(yaml).endsWith("          runners: " + String.join(",", ids) + "\n");
        assertThat(yaml).contains("uses: classroom-resources/autograding-grading-reporter@v1");
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(yaml)
            .contains("          " + id.toUpperCase() + "_RESULTS: \"${{ steps." + id + ".outputs.result }}\"\n"));
    }

    @Test
    @DisplayName("the same results give the same workflow, so that CI can check it is up to date")
    void deterministic() throws IOException {
        writeResults(false);

        assertThat(ClassroomWorkflow.workflow(course)).isEqualTo(ClassroomWorkflow.workflow(course));
    }

    @Test
    @DisplayName("hidden tests in the results (after a run with -Dcheck) earn no step points: each module still "
        + "adds up to 100")
    void hiddenTestsLeftOut() throws IOException {
        writeResults(true);

        List<Step> steps = steps(ClassroomWorkflow.workflow(course));

        assertThat(pointsPerModule(steps)).allSatisfy((module, sum) -> assertThat(sum).as(module).isEqualTo(100));
    }

    @Test
    @DisplayName("a module without results.json is an error that says to run ./mvnw test first")
    void missingResults() throws IOException {
        writeResults(false);
        Path missing = course.resolve("04-gradient/target/grading/results.json");
        Files.delete(missing);

        assertThatThrownBy(() -> ClassroomWorkflow.workflow(course)).isInstanceOf(IOException.class)
            .hasMessage("no " + missing + ": run ./mvnw test first");
    }
}
