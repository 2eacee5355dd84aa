package calculus.grader.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import calculus.grader.report.CourseReport;
import calculus.grader.report.ModuleReport;

/**
 * The course as the grader sees it: its exercise modules (from the root POM, the one list), and for each the
 * tests, the package its code lives in and its title. Everything here comes from the course, never from a
 * submission.
 *
 * @param root the course's root folder
 */
public record Course(Path root) {

    /** The exercise modules, in course order. */
    public List<String> modules() {
        return CourseReport.exerciseModules(root);
    }

    /** The module's visible tests, and the instructor's hidden tests when asked and present. */
    public List<Path> testSources(String module, boolean hidden) {
        List<Path> tests = new ArrayList<>();
        tests.add(root.resolve(module).resolve("src").resolve("test").resolve("java"));
        Path h = root.resolve("solutions").resolve(module).resolve("src").resolve("hidden-test").resolve("java");
        if (hidden && Files.isDirectory(h)) {
            tests.add(h);
        }
        return tests;
    }

    /** The module's skeleton sources. */
    public Path skeleton(String module) {
        return root.resolve(module).resolve("src").resolve("main").resolve("java");
    }

    /** The module's reference solution sources. */
    public Path solution(String module) {
        return root.resolve("solutions").resolve(module).resolve("src").resolve("main").resolve("java");
    }

    /** The module's title: the {@code <name>} of its POM. */
    public String title(String module) {
        try (InputStream in = Files.newInputStream(root.resolve(module).resolve("pom.xml"))) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && xml.getLocalName().equals("name")) {
                        return xml.getElementText().strip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (IOException | XMLStreamException e) {
            return module;
        }
        return module;
    }

    /**
     * A grading job for one module of this course.
     *
     * @param module        the module
     * @param code          the source folder of the code to grade
     * @param role          {@link ModuleReport#EXERCISE} or {@link ModuleReport#SOLUTION}
     * @param hidden        whether the instructor's hidden tests take part
     * @param classpath     the grader's libraries
     * @param work          a folder of the grader's own for compiled classes
     * @param configuration JUnit configuration parameters (the seeds)
     * @param build         a stamp for the results
     * @return the job, grading every test
     */
    public GradingJob job(String module, Path code, String role, boolean hidden, List<Path> classpath, Path work,
                          Map<String, String> configuration, String build) throws IOException {
        List<Path> tests = testSources(module, hidden);
        return new GradingJob(module, title(module), module, role, false, build, root, code, packages(tests.get(0)),
            tests, classpath, work, Selection.all(), configuration, SandboxSettings.defaults(), null, skeleton(module));
    }

    /** The packages of a module's tests: the code under test must live in these. */
    public static Set<String> packages(Path testSources) throws IOException {
        Set<String> packages = new TreeSet<>();
        if (Files.isDirectory(testSources)) {
            try (Stream<Path> walk = Files.walk(testSources)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Path dir = testSources.relativize(p).getParent();
                    packages.add(dir == null ? "" : dir.toString().replace(File.separatorChar, '.'));
                });
            }
        }
        return packages;
    }
}
