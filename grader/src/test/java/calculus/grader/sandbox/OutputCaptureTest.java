package calculus.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the test JVM keeps of what a test prints. */
class OutputCaptureTest {

    @Test
    @DisplayName("a test's output is kept up to the limit; the rest is only counted")
    void keepsUpToTheLimit() {
        OutputCapture capture = new OutputCapture(100);
        PrintStream out = capture.stream();

        capture.begin();
        for (int i = 0; i < 1_000; i++) {
            out.print("0123456789");
        }
        out.flush();

        assertThat(capture.end()).isEqualTo("0123456789".repeat(10) + "\n... (9900 more bytes not kept)");
    }

    @Test
    @DisplayName("output within the limit comes back whole, in UTF-8, byte writes and array writes alike")
    void keepsShortOutputWhole() {
        OutputCapture capture = new OutputCapture(100);
        PrintStream out = capture.stream();

        capture.begin();
        out.println("\u2202f/\u2202x = 2");
        out.flush();
        capture.write('!');

        assertThat(capture.end()).isEqualTo("\u2202f/\u2202x = 2" + System.lineSeparator() + "!");
    }

    @Test
    @DisplayName("output between tests is dropped, and each test starts with nothing kept")
    void eachTestStartsAfresh() {
        OutputCapture capture = new OutputCapture(100);
        PrintStream out = capture.stream();

        out.print("before any test");
        out.flush();
        capture.begin();
        out.print("first");
        out.flush();
        String first = capture.end();
        out.print("between tests");
        out.flush();
        capture.begin();
        String second = capture.end();

        assertThat(first).isEqualTo("first");
        assertThat(second).isEmpty();
    }
}
