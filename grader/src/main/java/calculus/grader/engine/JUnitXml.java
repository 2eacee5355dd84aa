package calculus.grader.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import calculus.grader.report.ModuleReport;
import calculus.grader.report.Status;
import calculus.grader.report.TestResult;
import calculus.grader.report.Text;

/**
 * Writes a module's results as Surefire's XML reports ({@code TEST-<class>.xml}), one per test class, so that
 * tools that read them (the HTML report of {@code -Preport}, a CI's test view) show the grade. Written with the
 * JDK's StAX writer from results whose texts are already safe ({@link Text#sanitize}).
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /**
     * Replaces the XML reports in a folder with this report's.
     *
     * @param report the module's report
     * @param dir    the reports folder, for example {@code target/surefire-reports}
     */
    public static void write(ModuleReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Map<String, List<TestResult>> byClass = new LinkedHashMap<>();
        for (TestResult t : report.tests()) {
            String cls = t.method().substring(0, t.method().indexOf('#'));
            byClass.computeIfAbsent(cls, c -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<String, List<TestResult>> e : byClass.entrySet()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("TEST-" + e.getKey() + ".xml"))) {
                writeSuite(e.getKey(), e.getValue(), out);
            } catch (XMLStreamException x) {
                throw new IOException("cannot write the report of " + e.getKey() + ": " + x.getMessage(), x);
            }
        }
    }

    private static void writeSuite(String className, List<TestResult> tests, OutputStream out)
        throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", className);
        xml.writeAttribute("tests", Integer.toString(tests.size()));
        xml.writeAttribute("failures", Long.toString(count(tests, Status.FAILED) + count(tests, Status.TIMED_OUT)));
        xml.writeAttribute("errors", Long.toString(count(tests, Status.TODO) + count(tests, Status.NOT_RUN)));
        xml.writeAttribute("skipped", Long.toString(count(tests, Status.SKIPPED)));
        xml.writeAttribute("time", "0");
        for (TestResult t : tests) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", t.method().substring(t.method().indexOf('#') + 1));
            xml.writeAttribute("classname", className);
            xml.writeAttribute("time", "0");
            String message = t.studentMessage();
            switch (t.status()) {
                case PASSED -> { }
                case SKIPPED -> element(xml, "skipped", message);
                case FAILED, TIMED_OUT -> element(xml, "failure", t.status().label() + ": " + message);
                default -> element(xml, "error", t.status().label() + ": " + message);
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private static void element(XMLStreamWriter xml, String name, String message) throws XMLStreamException {
        xml.writeStartElement(name);
        String safe = Text.sanitize(message, Text.MESSAGE_LIMIT);
        xml.writeAttribute("message", Text.brief(safe));
        xml.writeCharacters(safe);
        xml.writeEndElement();
    }

    private static long count(List<TestResult> tests, Status status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }
}
