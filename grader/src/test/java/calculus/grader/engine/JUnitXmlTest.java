package calculus.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;

/** The grade as Surefire's XML reports, read back with the JDK's own XML parser. */
class JUnitXmlTest {

    /** Everything that breaks XML, JSON or a terminal, in one message. */
    private static final String HOSTILE = "expected <b> & \"c\" 'd' ]]> \u0000\u0007\u001b[31m \ufffe\uffff "
        + "\ud800 \ud83d\ude00 \u2202f\r\n\tnext line";

    @TempDir
    Path dir;

    @Test
    @DisplayName("one well-formed file per test class, whatever the messages hold, with the right counts")
    void wellFormedWithCounts() throws Exception {
        ModuleReport report = report(
            result("a.FirstTest#passes", Status.PASSED, ""),
            result("a.FirstTest#fails", Status.FAILED, HOSTILE),
            result("a.FirstTest#loops", Status.TIMED_OUT, "stopped after 1,000 steps"),
            result("a.FirstTest#todo", Status.TODO, "Task 1.1: A.b"),
            result("a.Outer$InnerTest#notRun", Status.NOT_RUN, "not run: the code does not compile"),
            result("a.Outer$InnerTest#skipped", Status.SKIPPED, "not run in this run (Task 1.2)"));

        JUnitXml.write(report, dir);

        assertThat(files()).containsExactlyInAnyOrder("TEST-a.FirstTest.xml", "TEST-a.Outer$InnerTest.xml");
        Element first = parse("TEST-a.FirstTest.xml");
        assertThat(List.of(first.getAttribute("name"), first.getAttribute("tests"), first.getAttribute("failures"),
            first.getAttribute("errors"), first.getAttribute("skipped"))).containsExactly("a.FirstTest", "4", "2",
            "1", "0");
        Element inner = parse("TEST-a.Outer$InnerTest.xml");
        assertThat(List.of(inner.getAttribute("tests"), inner.getAttribute("failures"), inner.getAttribute("errors"),
            inner.getAttribute("skipped"))).containsExactly("2", "0", "1", "1");
        assertThat(cases(first)).containsExactly("passes", "fails", "loops", "todo");
    }

    @Test
    @DisplayName("a failure's text is the safe message, its attribute the brief one; a pass has neither")
    void failureText() throws Exception {
        JUnitXml.write(report(result("a.FirstTest#passes", Status.PASSED, ""),
            result("a.FirstTest#fails", Status.FAILED, HOSTILE)), dir);

        Element suite = parse("TEST-a.FirstTest.xml");
        Element passes = (Element) suite.getElementsByTagName("testcase").item(0);
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);

        assertThat(passes.getChildNodes().getLength()).isZero();
        String safe = "FAILED: expected <b> & \"c\" 'd' ]]> [31m   \ud83d\ude00 \u2202f\n\tnext line";
        assertThat(failure.getTextContent()).isEqualTo(safe);
        assertThat(failure.getAttribute("message")).isEqualTo("FAILED: expected <b> & \"c\" 'd' ]]> [31m "
            + "\ud83d\ude00 \u2202f next line");
        assertThat(suite.getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    @DisplayName("TODO and NOT RUN are errors, SKIPPED is skipped, each with its status and message")
    void otherElements() throws Exception {
        JUnitXml.write(report(result("a.FirstTest#todo", Status.TODO, "Task 1.1: A.b"),
            result("a.FirstTest#skipped", Status.SKIPPED, "not run in this run (Task 1.2)")), dir);

        Element suite = parse("TEST-a.FirstTest.xml");

        assertThat(suite.getElementsByTagName("error").item(0).getTextContent()).isEqualTo("TODO: Task 1.1: A.b");
        assertThat(suite.getElementsByTagName("skipped").item(0).getTextContent())
            .isEqualTo("not run in this run (Task 1.2)");
    }

    @Test
    @DisplayName("a withheld hidden test's message stays out of the XML")
    void withheldMessages() throws Exception {
        TestResult withheld = new TestResult("01-demo", "1.1", "1.1 w", "a.HiddenTest#w", 0, 5, Status.FAILED,
            "the secret answer is 42", null, TestResult.WITHHELD, -1, false);

        JUnitXml.write(report(withheld), dir);

        assertThat(Files.readString(dir.resolve("TEST-a.HiddenTest.xml"))).doesNotContain("secret")
            .contains("withheld");
    }

    @Test
    @DisplayName("the reports of an earlier run are replaced; other files in the folder are left alone")
    void earlierReportsAreReplaced() throws Exception {
        Files.writeString(dir.resolve("TEST-a.GoneTest.xml"), "<testsuite/>");
        Files.writeString(dir.resolve("notes.txt"), "kept");

        JUnitXml.write(report(result("a.FirstTest#passes", Status.PASSED, "")), dir);

        assertThat(files()).containsExactlyInAnyOrder("TEST-a.FirstTest.xml", "notes.txt");
    }

    // ---- helpers

    private static ModuleReport report(TestResult... tests) {
        return new ModuleReport("01-demo", "Demo", ModuleReport.EXERCISE, false, "B1", "01-demo", Map.of(),
            List.of(tests), List.of(), null, "");
    }

    private static TestResult result(String method, Status status, String message) {
        return new TestResult("01-demo", "1.1", "1.1 " + method, method, status == Status.PASSED ? 1 : 0, 1, status,
            message, null, TestResult.VISIBLE, -1, false);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private Element parse(String file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(dir.resolve(file).toFile());
        return document.getDocumentElement();
    }

    private static List<String> cases(Element suite) {
        NodeList nodes = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            assertThat(e.getAttribute("classname")).isEqualTo(suite.getAttribute("name"));
            names.add(e.getAttribute("name"));
        }
        return names;
    }
}
