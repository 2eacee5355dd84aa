package calculus.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import calculus.grader.engine.Course;

/**
 * The course's module list is kept in one place, the root POM's {@code <modules>}; everything else that names the
 * modules is derived from it: the reference solutions' build ({@code solutions/pom.xml}), the course table's build
 * order ({@code scoreboard/pom.xml}), and the files of a module that does not exist yet.
 *
 * <p>{@code tools/modules} checks that every derived list agrees (the course check runs the same check);
 * {@code tools/modules --write} makes them agree, and lays out a new module: add {@code <module>07-topic</module>}
 * to the root POM, run {@code tools/modules --write}, and the module's folders, POMs and first lesson, hints and
 * reference stubs are there, in package {@code calculus.topic}.
 */
public final class ModuleList {

    private static final Pattern MODULE = Pattern.compile("<module>(\\d+-[a-z0-9-]+)</module>");
    private static final Pattern SCOREBOARD_DEPENDENCY = Pattern.compile(
        "<artifactId>(\\d+-[a-z0-9-]+)</artifactId>\\s*<version>\\$\\{project.version}</version>\\s*<type>pom</type>");

    private ModuleList() {
    }

    public static void main(String[] args) throws IOException {
        Path course = Path.of(".");
        boolean write = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--course" -> course = Path.of(args[++i]);
                case "--write" -> write = true;
                case "--check" -> write = false;
                default -> {
                    System.err.println("usage: tools/modules [--write | --check]; unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (write) {
            List<String> done = write(course);
            done.forEach(d -> System.out.println("wrote " + d));
            System.out.println(done.isEmpty() ? "every module list already agrees with the root POM" : "done");
            return;
        }
        List<String> problems = check(course);
        problems.forEach(System.out::println);
        System.out.println(problems.isEmpty() ? "every module list agrees with the root POM"
            : "run tools/modules --write to make them agree");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** What disagrees with the root POM's list; empty when every list agrees. */
    static List<String> check(Path course) throws IOException {
        List<String> modules = new Course(course).modules();
        List<String> problems = new ArrayList<>();
        compare("solutions/pom.xml <modules>", modules, found(course.resolve("solutions/pom.xml"), MODULE),
            problems);
        compare("scoreboard/pom.xml dependencies", modules,
            found(course.resolve("scoreboard/pom.xml"), SCOREBOARD_DEPENDENCY), problems);
        for (String m : modules) {
            for (String required : List.of(m + "/pom.xml", m + "/README.md", m + "/hints.md",
                "solutions/" + m + "/pom.xml")) {
                if (!Files.isRegularFile(course.resolve(required))) {
                    problems.add(required + " is missing");
                }
            }
        }
        return problems;
    }

    private static void compare(String where, List<String> modules, List<String> found, List<String> problems) {
        if (!found.equals(modules)) {
            problems.add(where + " lists " + found + ", the root POM " + modules);
        }
    }

    private static List<String> found(Path file, Pattern pattern) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Makes every list agree with the root POM and lays out missing modules; returns what it wrote. */
    static List<String> write(Path course) throws IOException {
        List<String> modules = new Course(course).modules();
        List<String> wrote = new ArrayList<>();
        for (String m : modules) {
            scaffold(course, m, wrote);
        }
        Path solutions = course.resolve("solutions/pom.xml");
        String text = Files.readString(solutions, StandardCharsets.UTF_8);
        String list = block(modules, m -> "    <module>" + m + "</module>\n");
        String updated = text.replaceFirst("(?s)(  <modules>\\n).*?(  </modules>)", "$1" + Matcher.quoteReplacement(
            list) + "$2");
        writeIfChanged(solutions, text, updated, wrote);
        Path scoreboard = course.resolve("scoreboard/pom.xml");
        text = Files.readString(scoreboard, StandardCharsets.UTF_8);
        String deps = block(modules, m -> "    <dependency>\n      <groupId>calculus.ml</groupId>\n      <artifactId>"
            + m + "</artifactId>\n      <version>${project.version}</version>\n      <type>pom</type>\n"
            + "    </dependency>\n");
        updated = text.replaceFirst("(?s)(    <!-- Not used as code: these put the course table after every exercise "
            + "module in the build\\..*?-->\\n).*?(  </dependencies>)", "$1" + Matcher.quoteReplacement(deps) + "$2");
        writeIfChanged(scoreboard, text, updated, wrote);
        return wrote;
    }

    private interface Line {
        String of(String module);
    }

    private static String block(List<String> modules, Line line) {
        StringBuilder out = new StringBuilder();
        modules.forEach(m -> out.append(line.of(m)));
        return out.toString();
    }

    private static void writeIfChanged(Path file, String before, String after, List<String> wrote)
        throws IOException {
        if (!after.equals(before)) {
            Files.writeString(file, after, StandardCharsets.UTF_8);
            wrote.add(file.toString());
        }
    }

    /** Lays out the files of a module the root POM names but that does not exist yet. Never overwrites a file. */
    private static void scaffold(Path course, String module, List<String> wrote) throws IOException {
        String topic = module.replaceFirst("^\\d+-", "");
        String pkg = "calculus." + topic.replace("-", "");
        String number = String.valueOf(Integer.parseInt(module.substring(0, module.indexOf('-'))));
        String title = Character.toUpperCase(topic.charAt(0)) + topic.substring(1).replace('-', ' ');
        String pkgPath = pkg.replace('.', '/');
        create(course.resolve(module).resolve("pom.xml"), exercisePom(module, title, number), wrote);
        create(course.resolve(module).resolve("README.md"), "# " + title + "\n\nThe lesson: the idea, and why it "
            + "matters for machine learning.\n\n## Task " + number + ".1: First task\n\nThe math, a worked example, "
            + "the class to write.\n", wrote);
        create(course.resolve(module).resolve("hints.md"), "# Hints for " + title + "\n\n## Task " + number
            + ".1: First task\n\n1. A nudge.\n2. A closer look.\n3. The formula.\n", wrote);
        create(course.resolve("solutions").resolve(module).resolve("pom.xml"), solutionPom(module, title, topic),
            wrote);
        create(course.resolve("solutions").resolve(module).resolve("src/main/java").resolve(pkgPath)
            .resolve("package-info.java"), "/**\n * " + title + ": the map of the module (which class is which "
            + "task).\n */\npackage " + pkg + ";\n", wrote);
        Files.createDirectories(course.resolve(module).resolve("src/test/java").resolve(pkgPath));
        Files.createDirectories(course.resolve("solutions").resolve(module).resolve("src/hidden-test/java")
            .resolve(pkgPath));
    }

    private static void create(Path file, String text, List<String> wrote) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            wrote.add(file.toString());
        }
    }

    private static String exercisePom(String module, String title, String number) {
        return HEAD + "  <artifactId>" + module + "</artifactId>\n  <name>" + title + "</name>\n  <description>Module "
            + number + ": " + title + ".</description>\n\n  <dependencies>\n    <dependency>\n      <groupId>calculus.ml"
            + "</groupId>\n      <artifactId>oracles</artifactId>\n      <scope>test</scope>\n    </dependency>\n  "
            + "</dependencies>\n\n  <properties>\n    <maven.main.skip>true</maven.main.skip>\n    <maven.test.skip>true"
            + "</maven.test.skip>\n    <maven.resources.skip>true</maven.resources.skip>\n  </properties>\n\n  <build>\n"
            + "    <plugins>\n      <!-- grades this module (configured in the root POM) -->\n      <plugin>\n"
            + "        <groupId>org.codehaus.mojo</groupId>\n        <artifactId>exec-maven-plugin</artifactId>\n"
            + "      </plugin>\n    </plugins>\n  </build>\n</project>\n";
    }

    private static String solutionPom(String module, String title, String topic) {
        return HEAD.replace("<artifactId>calculus-for-ml</artifactId>", "<artifactId>solutions</artifactId>")
            + "  <artifactId>" + module + "-solution</artifactId>\n  <name>" + title + " (reference solution)</name>\n\n"
            + "  <properties>\n    <course.module>" + module + "</course.module>\n    <course.package>"
            + topic.replace("-", "") + "</course.package>\n    <course.figures.skip>true</course.figures.skip>\n"
            + "  </properties>\n</project>\n";
    }

    private static final String HEAD = """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>calculus.ml</groupId>
            <artifactId>calculus-for-ml</artifactId>
            <version>1.0-SNAPSHOT</version>
          </parent>

        """;
}
