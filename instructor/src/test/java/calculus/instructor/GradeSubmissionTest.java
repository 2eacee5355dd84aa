package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/**
 * The parts of grading a submission that need no build: the cross-check of the grader's verdicts against
 * Surefire's XML reports, the compiler's errors picked from the build log, and the reading of one module's outcome.
 */
class GradeSubmissionTest {

    /** A Surefire report of class {@code calculus.Demo}, in the format Surefire writes, around the given cases. */
    private static String surefire(String... testcases) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="calculus.Demo" time="0.4" \
            tests="%d" errors="0" skipped="0" failures="0">
              <properties>
                <property name="java.specification.version" value="17"/>
              </properties>
            %s
            </testsuite>
            """.formatted(testcases.length, String.join("\n", testcases));
    }

    private static String passes(String name) {
        return "  <testcase name=\"" + name + "\" classname=\"calculus.Demo\" time=\"0.012\"/>";
    }

    private static String fails(String name, String element) {
        return "  <testcase name=\"" + name + "\" classname=\"calculus.Demo\" time=\"0.2\">\n"
            + "    <" + element + " message=\"x\" type=\"java.lang.AssertionError\">"
            + "<![CDATA[java.lang.AssertionError: x\n"
            + "\tat calculus.Demo.m(Demo.java:12)\n]]></" + element + ">\n"
            + "  </testcase>";
    }

    private static ModuleReport passed(String... methods) {
        return Grades.report("01-derivatives", Arrays.stream(methods)
            .map(m -> Grades.visible("01-derivatives", "1.1", m, Status.PASSED, 1)).toArray(TestResult[]::new));
    }

    private static String disagreement(String method) {
        return "the grader says calculus.Demo#" + method + " PASSED, Surefire's report does not";
    }

    @Nested
    @DisplayName("crossCheck")
    class CrossCheck {

        @TempDir
        Path reports;

        @Test
        @DisplayName("agrees when every PASSED test passed in Surefire's reports, parameterized invocations included")
        void agreement() throws IOException {
            Trees.write(reports, "TEST-calculus.Demo.xml", surefire(passes("slope"),
                passes("central(double, double)[1]"), passes("central(double, double)[2]"),
                passes("withRandom(TestRandom)"), fails("wrong", "failure")));

            ModuleReport report = Grades.report("01-derivatives",
                Grades.visible("01-derivatives", "1.1", "slope", Status.PASSED, 1),
                Grades.visible("01-derivatives", "1.2", "central", Status.PASSED, 1),
                Grades.visible("01-derivatives", "1.2", "withRandom", Status.PASSED, 1),
                Grades.visible("01-derivatives", "1.3", "wrong", Status.FAILED, 1));

            assertThat(GradeSubmission.crossCheck(report, reports)).isEmpty();
        }

        @Test
        @DisplayName("reads every XML report of the folder, and only XML reports")
        void readsEveryXmlReport() throws IOException {
            Trees.write(reports, "TEST-calculus.Demo.xml", surefire(passes("slope")));
            Trees.write(reports, "TEST-calculus.DemoHiddenTest.xml", surefire(passes("hidden")));
            Trees.write(reports, "calculus.Demo.txt", passes("fromText"));

            assertThat(GradeSubmission.crossCheck(passed("slope", "hidden"), reports)).isEmpty();
            assertThat(GradeSubmission.crossCheck(passed("slope", "fromText"), reports))
                .isEqualTo(disagreement("fromText"));
        }

        @Test
        @DisplayName("a PASSED test with no entry in Surefire's reports is a disagreement")
        void passedWithoutEntry() throws IOException {
            Trees.write(reports, "TEST-calculus.Demo.xml", surefire(passes("slope")));

            assertThat(GradeSubmission.crossCheck(passed("slope", "invented"), reports))
                .isEqualTo(disagreement("invented"));
        }

        @Test
        @DisplayName("without any Surefire report, every PASSED test is a disagreement and nothing else is")
        void noReports() throws IOException {
            Path missing = reports.resolve("surefire-reports");

            assertThat(GradeSubmission.crossCheck(passed("slope"), missing)).isEqualTo(disagreement("slope"));
            assertThat(GradeSubmission.crossCheck(Grades.report("01-derivatives",
                Grades.visible("01-derivatives", "1.1", "slope", Status.TODO, 1)), missing)).isEmpty();
        }

        @Test
        @DisplayName("a PASSED test that Surefire saw fail or throw is a disagreement")
        void passedButFailed() throws IOException {
            Trees.write(reports, "TEST-calculus.Demo.xml", surefire(passes("slope"), fails("wrong", "failure"),
                fails("threw", "error")));

            assertThat(GradeSubmission.crossCheck(passed("slope", "wrong"), reports)).isEqualTo(disagreement("wrong"));
            assertThat(GradeSubmission.crossCheck(passed("slope", "threw"), reports)).isEqualTo(disagreement("threw"));
        }

        @Test
        @DisplayName("a parameterized test is PASSED only if every invocation passed")
        void oneInvocationFailed() throws IOException {
            Trees.write(reports, "TEST-calculus.Demo.xml", surefire(passes("central(double)[1]"),
                fails("central(double)[2]", "failure"), passes("central(double)[3]")));

            assertThat(GradeSubmission.crossCheck(passed("central"), reports)).isEqualTo(disagreement("central"));
        }

        @Test
        @DisplayName("only PASSED verdicts are checked: a grader stricter than Surefire is no disagreement")
        void onlyPassedChecked() throws IOException {
            Trees.write(reports, "TEST-calculus.Demo.xml", surefire(passes("slope"), passes("late")));
            ModuleReport report = Grades.report("01-derivatives",
                Grades.visible("01-derivatives", "1.1", "slope", Status.FAILED, 1),
                Grades.visible("01-derivatives", "1.1", "late", Status.TIMED_OUT, 1),
                Grades.visible("01-derivatives", "1.1", "absent", Status.NOT_RUN, 1));

            assertThat(GradeSubmission.crossCheck(report, reports)).isEmpty();
        }

        @Test
        @DisplayName("a PASSED test that Surefire skipped is a disagreement")
        void passedButSkipped() throws IOException {
            Trees.write(reports, "TEST-calculus.Demo.xml", surefire(passes("slope"),
                "  <testcase name=\"aborted\" classname=\"calculus.Demo\" time=\"0.001\">\n"
                    + "    <skipped message=\"Assumption failed: not on this JVM\"/>\n  </testcase>"));

            assertThat(GradeSubmission.crossCheck(passed("slope", "aborted"), reports))
                .isEqualTo(disagreement("aborted"));
        }
    }

    @Nested
    @DisplayName("compileErrors")
    class CompileErrors {

        private static final String LOG = """
            [INFO] --- compiler:3.16.0:compile (default-compile) @ 01-derivatives ---
            [INFO] Compiling 9 source files with javac [debug release 17] to target/classes
            [WARNING] /tmp/grade/workspace/01-derivatives/src/main/java/calculus/derivatives/Old.java:[3,1] deprecated
            [ERROR] COMPILATION ERROR :\s
            [ERROR] /tmp/grade/workspace/01-derivatives/src/main/java/calculus/derivatives/SecantSlope.java:[46,27] \
            ';' expected
            [ERROR] /tmp/grade/workspace/02-partials/src/main/java/calculus/partials/Partial.java:[5,1] class, \
            interface, enum, or record expected
            [ERROR] /tmp/grade/workspace/01-derivatives/src/test/java/calculus/derivatives/SecantSlopeTest.java:[12,9] \
            cannot find symbol
            [INFO] 3 errors
            [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.16.0:compile \
            (default-compile) on project 01-derivatives: Compilation failure
            [ERROR] -> [Help 1]
            [ERROR]   mvn <args> -rf :01-derivatives
            """;

        @Test
        @DisplayName("picks the module's [ERROR] lines that name a .java file, with the path from the module on")
        void onlyThisModule() {
            assertThat(GradeSubmission.compileErrors(LOG, "01-derivatives")).isEqualTo("""
                  01-derivatives/src/main/java/calculus/derivatives/SecantSlope.java:[46,27] ';' expected
                  01-derivatives/src/test/java/calculus/derivatives/SecantSlopeTest.java:[12,9] cannot find symbol
                """);
            assertThat(GradeSubmission.compileErrors(LOG, "02-partials")).isEqualTo(
                "  02-partials/src/main/java/calculus/partials/Partial.java:[5,1] class, interface, enum, or record "
                    + "expected\n");
        }

        @Test
        @DisplayName("a module without errors gets none, though other lines name it")
        void noErrors() {
            assertThat(GradeSubmission.compileErrors(LOG, "03-chain-rule")).isEmpty();
            assertThat(GradeSubmission.compileErrors(LOG.replace("[ERROR] /", "[INFO] /"), "01-derivatives")).isEmpty();
        }

        @Test
        @DisplayName("an error Maven prints twice, as it compiles and in its summary, is listed once")
        void eachErrorOnce() {
            String error = "[ERROR] /ws/01-derivatives/src/main/java/calculus/derivatives/SecantSlope.java:[46,27] "
                + "';' expected\n";
            String log = "[ERROR] COMPILATION ERROR : \n" + error + "[INFO] 1 error\n"
                + "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.16.0:compile "
                + "(default-compile) on project 01-derivatives: Compilation failure\n" + error
                + "[ERROR] -> [Help 1]\n";

            assertThat(GradeSubmission.compileErrors(log, "01-derivatives")).isEqualTo(
                "  01-derivatives/src/main/java/calculus/derivatives/SecantSlope.java:[46,27] ';' expected\n");
        }
    }

    @Nested
    @DisplayName("readModule")
    class ReadModule {

        @TempDir
        Path module;

        @Test
        @DisplayName("reads the grader's results when Surefire agrees, with no problem")
        void graded() throws IOException {
            ModuleReport report = passed("slope");
            Trees.write(module, "target/grading/results.json", report.toJson());
            Trees.write(module, "target/surefire-reports/TEST-calculus.Demo.xml", surefire(passes("slope")));

            GradeSubmission.ModuleGrade grade = GradeSubmission.readModule(module, "01-derivatives", "", 0);

            assertThat(grade.module()).isEqualTo("01-derivatives");
            assertThat(grade.report().tests()).isEqualTo(report.tests());
            assertThat(grade.problem()).isEmpty();
        }

        @Test
        @DisplayName("a disagreement with Surefire is the grader's fault, not the student's")
        void disagreement() throws IOException {
            Trees.write(module, "target/grading/results.json", passed("slope").toJson());

            GradeSubmission.ModuleGrade grade = GradeSubmission.readModule(module, "01-derivatives", "", 0);

            assertThat(grade.problem()).isEqualTo(GradeSubmission.GRADER_FAULT + " "
                + GradeSubmission.crossCheck(passed("slope"), module.resolve("target/surefire-reports")));
        }

        @Test
        @DisplayName("no results and compiler errors in the log: the code does not compile, no report")
        void doesNotCompile() throws IOException {
            String log = "[ERROR] /ws/01-derivatives/src/main/java/a/B.java:[1,1] ';' expected\n";

            GradeSubmission.ModuleGrade grade = GradeSubmission.readModule(module, "01-derivatives", log, 1);

            assertThat(grade.report()).isNull();
            assertThat(grade.problem()).isEqualTo("the code does not compile with the official tests:\n"
                + "  01-derivatives/src/main/java/a/B.java:[1,1] ';' expected\n");
        }

        @Test
        @DisplayName("no results and no compiler error, or a build stopped by the time limit: the grader's fault")
        void graderFault() throws IOException {
            assertThat(GradeSubmission.readModule(module, "01-derivatives", "[INFO] BUILD FAILURE\n", 1).problem())
                .isEqualTo(GradeSubmission.GRADER_FAULT + " no results, and no compile error to explain it: see "
                    + "build.log");
            assertThat(GradeSubmission.readModule(module, "01-derivatives", "", -1).problem())
                .isEqualTo(GradeSubmission.GRADER_FAULT + " the build was stopped after 30 minutes");
        }
    }
}
