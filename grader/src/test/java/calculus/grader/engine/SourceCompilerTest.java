package calculus.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.policy.SubmissionFiles.Source;

/** The grader's compiler: the code against the JDK alone, the tests against the code, and nothing twice. */
class SourceCompilerTest {

    private static final String ROOT = "01-demo/src/main/java";

    private final SourceCompiler compiler = new SourceCompiler();

    @TempDir
    Path work;

    @Test
    @DisplayName("code that compiles gives class files; the same code again reuses them")
    void compilesAndReuses() throws IOException {
        List<Source> code = List.of(calc("return x * x;"));

        SourceCompiler.Result first = compiler.compileCode(code, ROOT, classes());
        SourceCompiler.Result again = compiler.compileCode(code, ROOT, classes());
        SourceCompiler.Result changed = compiler.compileCode(List.of(calc("return x + x;")), ROOT, classes());

        assertThat(first.ok()).isTrue();
        assertThat(first.reused()).isFalse();
        assertThat(classes().resolve("demo/Calc.class")).isRegularFile();
        assertThat(again.reused()).isTrue();
        assertThat(changed.reused()).isFalse();
        assertThat(changed.ok()).isTrue();
    }

    @Test
    @DisplayName("an error reads file:line: message, then the line with a caret under the spot, tabs or not")
    void errorsAsStudentsReadThem() throws IOException {
        SourceCompiler.Result result = compiler.compileCode(List.of(calc("return\tx * y;")), ROOT, classes());

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).containsExactly(ROOT + "/demo/Calc.java:5: cannot find symbol\n"
            + "            return  x * y;\n"
            + "                        ^");
        assertThat(classes()).isEmptyDirectory();
    }

    @Test
    @DisplayName("a module-info.java is refused with a sentence that names it, not a compiler crash with no message")
    void moduleDeclarationRefused() throws IOException {
        Source module = new Source("module-info.java", "module demo {\n    exports demo;\n}\n");

        SourceCompiler.Result result = compiler.compileCode(List.of(calc("return x * x;"), module), ROOT, classes());

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).containsExactly(ROOT + "/module-info.java: the course's code is not a module: "
            + "remove module-info.java");
        assertThat(classes().resolve("demo/Calc.class")).doesNotExist();
    }

    @Test
    @DisplayName("at most 20 errors are reported: the first ones are the ones to fix")
    void atMostTwentyErrors() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append("int a").append(i).append(" = undefined").append(i).append(";\n");
        }
        body.append("return x;");

        SourceCompiler.Result result = compiler.compileCode(List.of(calc(body.toString())), ROOT, classes());

        assertThat(result.errors()).hasSize(SourceCompiler.MAX_ERRORS);
        assertThat(result.errors().get(0)).contains("undefined0");
    }

    @Test
    @DisplayName("the code compiles against the JDK alone: it cannot name a library, not even JUnit")
    void codeSeesOnlyTheJdk() throws IOException {
        Source sneaky = new Source("demo/Sneaky.java", """
            package demo;

            import org.junit.jupiter.api.Assertions;

            public class Sneaky {
            }
            """);

        SourceCompiler.Result result = compiler.compileCode(List.of(sneaky), ROOT, classes());

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).singleElement().asString()
            .startsWith(ROOT + "/demo/Sneaky.java:3: package org.junit.jupiter.api does not exist");
    }

    @Test
    @DisplayName("tests are compiled against the code; a change inside a method body needs no recompiling of them")
    void testsReusedWhenOnlyBodiesChange() throws IOException {
        Path tests = writeTests();
        compiler.compileCode(List.of(calc("return x * x;")), ROOT, classes());
        SourceCompiler.Result first = compiler.compileTests(List.of(tests), classpath(), testClasses());
        compiler.compileCode(List.of(calc("return x * x * 1.0;")), ROOT, classes());
        SourceCompiler.Result bodyChanged = compiler.compileTests(List.of(tests), classpath(), testClasses());
        compiler.compileCode(List.of(calc("double x, double unused", "return x * x;")), ROOT, classes());
        SourceCompiler.Result signatureChanged = compiler.compileTests(List.of(tests), classpath(), testClasses());

        assertThat(first.ok()).isTrue();
        assertThat(first.reused()).isFalse();
        assertThat(first.excluded()).isEmpty();
        assertThat(bodyChanged.reused()).isTrue();
        assertThat(signatureChanged.reused()).isFalse();
        assertThat(signatureChanged.ok()).as("the other test file still compiles").isTrue();
        assertThat(signatureChanged.excluded()).containsOnlyKeys(tests.resolve("demo/CalcTest.java"));
        assertThat(signatureChanged.excluded().values()).singleElement().asString()
            .startsWith("CalcTest.java:8: method square in class demo.Calc cannot be applied to given types;");
        assertThat(testClasses().resolve("demo/OtherTest.class")).isRegularFile();
        assertThat(testClasses().resolve("demo/CalcTest.class")).doesNotExist();
    }

    @Test
    @DisplayName("the test files left out are remembered with the compilation that is reused")
    void excludedFilesAreRemembered() throws IOException {
        Path tests = writeTests();
        compiler.compileCode(List.of(calc("", "return 1;")), ROOT, classes());

        SourceCompiler.Result first = compiler.compileTests(List.of(tests), classpath(), testClasses());
        SourceCompiler.Result again = compiler.compileTests(List.of(tests), classpath(), testClasses());

        assertThat(first.excluded()).containsOnlyKeys(tests.resolve("demo/CalcTest.java"));
        assertThat(again.reused()).isTrue();
        assertThat(again.excluded()).isEqualTo(first.excluded());
    }

    // ---- helpers

    /** {@code Calc.square(double x)} with this body. */
    private static Source calc(String body) {
        return calc("double x", body);
    }

    /** {@code Calc.square} with these parameters and this body (line 5 is the body's first line). */
    private static Source calc(String parameters, String body) {
        return new Source("demo/Calc.java", "package demo;\n\npublic final class Calc {\n"
            + "    public static double square(" + parameters + ") {\n        " + body.replace("\n", "\n        ")
            + "\n    }\n}\n");
    }

    private Path writeTests() throws IOException {
        Path tests = work.resolve("tests");
        Files.createDirectories(tests.resolve("demo"));
        Files.writeString(tests.resolve("demo/CalcTest.java"), """
            package demo;

            import org.junit.jupiter.api.Test;

            class CalcTest {
                @Test
                void square() {
                    Calc.square(2);
                }
            }
            """);
        Files.writeString(tests.resolve("demo/OtherTest.java"), """
            package demo;

            import org.junit.jupiter.api.Test;

            class OtherTest {
                @Test
                void nothing() {
                }
            }
            """);
        return tests;
    }

    private List<Path> classpath() {
        List<Path> cp = new ArrayList<>();
        cp.add(classes());
        cp.addAll(FixtureModule.classpath());
        return cp;
    }

    private Path classes() {
        return work.resolve("classes");
    }

    private Path testClasses() {
        return work.resolve("test-classes");
    }
}
