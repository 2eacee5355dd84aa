package calculus.grader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;

import calculus.grader.report.TaskSummary;
import calculus.grader.report.TestResult;

/**
 * The graded tests of a module, read by the grader itself from the compiled test classes (never from what the
 * test JVM says): each test's task, points, step budget, name and visibility, in the order the grade lists them.
 * Tests whose source does not compile against the code under test are read from their source instead, so that
 * their points are still counted (and lost).
 */
public final class TestInventory {

    private static final String GRADED = "Lcalculus/grader/Graded;";
    private static final String HIDDEN = "Lcalculus/grader/Hidden;";
    private static final String DISPLAY_NAME = "Lorg/junit/jupiter/api/DisplayName;";

    private TestInventory() {
    }

    /**
     * One graded test.
     *
     * @param className  the test class's binary name
     * @param method     the test method's name
     * @param task       its task, {@code M.N}
     * @param points     the points it is worth
     * @param steps      its own step budget, or 0 for the default
     * @param name       its display name
     * @param visibility {@link TestResult#VISIBLE}, {@link TestResult#HIDDEN} or {@link TestResult#WITHHELD}
     * @param position   where it is written in its class (0 first)
     */
    public record GradedTest(String className, String method, String task, int points, long steps, String name,
                             String visibility, int position) {

        /** The key the test JVM reports it under: {@code class#method}. */
        public String key() {
            return className + "#" + method;
        }

        /** The number of its module: 1 for task 1.3. */
        public int moduleNumber() {
            return Integer.parseInt(task.substring(0, task.indexOf('.')));
        }
    }

    /**
     * The graded tests in grading order: test classes by the first task they grade (the instructor's hidden tests
     * after the visible ones), each class's tests in the order they are written.
     *
     * @param testClasses a folder of compiled test classes
     * @return the tests, with the problems found in their annotations (course errors)
     */
    public static Found read(Path testClasses) throws IOException {
        List<GradedTest> tests = new ArrayList<>();
        if (Files.isDirectory(testClasses)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(testClasses)) {
                files = walk.filter(p -> p.toString().endsWith(".class")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path f : files) {
                tests.addAll(readClass(Files.readAllBytes(f)));
            }
        }
        return found(tests);
    }

    /**
     * The graded tests of test sources that could not be compiled, read from the source (annotations with literal
     * values, as every graded test has them).
     */
    public static Found parse(List<Path> sources) throws IOException {
        List<GradedTest> tests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (sources.isEmpty()) {
            return found(tests);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null,
                fm.getJavaFileObjectsFromPaths(sources));
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
                new SourceScanner(pkg, tests, problems).scan(unit, null);
            }
        }
        Found found = found(tests);
        List<String> errors = new ArrayList<>(found.errors());
        errors.addAll(problems);
        return new Found(found.tests(), errors);
    }

    /**
     * Tests and the problems with their annotations.
     *
     * @param tests  the tests in grading order
     * @param errors problems with the tests themselves, for the course's authors
     */
    public record Found(List<GradedTest> tests, List<String> errors) {

        /** These tests and those of another inventory, in grading order. */
        public Found plus(Found other) {
            List<GradedTest> all = new ArrayList<>(tests);
            all.addAll(other.tests);
            Found merged = found(all);
            // the merged tests' own problems, and those only a reading found (numbers a source does not spell out)
            Set<String> errors = new LinkedHashSet<>(merged.errors);
            errors.addAll(this.errors);
            errors.addAll(other.errors);
            return new Found(merged.tests, List.copyOf(errors));
        }

        /** The binary names of the test classes, graded or not, that code under test must not name or shadow. */
        public Set<String> classNames() {
            Set<String> names = new TreeSet<>();
            tests.forEach(t -> names.add(t.className()));
            return names;
        }
    }

    private static Found found(List<GradedTest> tests) {
        Map<String, String> firstTask = new LinkedHashMap<>();
        Map<String, Boolean> hiddenClass = new LinkedHashMap<>();
        for (GradedTest t : tests) {
            firstTask.merge(t.className(), t.task(), (a, b) -> TaskSummary.compareNumbers(a, b) <= 0 ? a : b);
            hiddenClass.merge(t.className(), !TestResult.VISIBLE.equals(t.visibility()), Boolean::logicalAnd);
        }
        List<GradedTest> ordered = new ArrayList<>(tests);
        ordered.sort(Comparator.comparing((GradedTest t) -> hiddenClass.get(t.className()))
            .thenComparing(t -> firstTask.get(t.className()), TaskSummary::compareNumbers)
            .thenComparing(GradedTest::className)
            .thenComparingInt(GradedTest::position));
        List<String> errors = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (GradedTest t : ordered) {
            String where = t.key();
            if (!t.task().matches("\\d+\\.\\d+")) {
                errors.add(where + ": task \"" + t.task() + "\" is not of the form M.N");
            }
            if (t.points() < 1) {
                errors.add(where + ": a graded test is worth at least 1 point, not " + t.points());
            }
            if (!t.name().startsWith(t.task() + " ")) {
                errors.add(where + ": its @DisplayName must start with its task number \"" + t.task() + " \", not \""
                    + t.name() + "\"");
            }
            if (!keys.add(where)) {
                errors.add(where + ": two graded test methods of one class share a name; give each its own");
            }
        }
        return new Found(List.copyOf(ordered), errors);
    }

    // ---- compiled classes

    private static List<GradedTest> readClass(byte[] classFile) {
        List<GradedTest> tests = new ArrayList<>();
        ClassReader reader = new ClassReader(classFile);
        String className = reader.getClassName().replace('/', '.');
        Map<String, Object> classHidden = new LinkedHashMap<>();
        List<Map<String, Map<String, Object>>> methods = new ArrayList<>();
        List<String> names = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (HIDDEN.equals(descriptor)) {
                    classHidden.put("present", true);
                    return values(classHidden);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Map<String, Map<String, Object>> annotations = new LinkedHashMap<>();
                methods.add(annotations);
                names.add(name);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        Map<String, Object> v = new LinkedHashMap<>();
                        annotations.put(annotation, v);
                        return values(v);
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        for (int i = 0; i < methods.size(); i++) {
            Map<String, Map<String, Object>> a = methods.get(i);
            Map<String, Object> graded = a.get(GRADED);
            if (graded == null) {
                continue;
            }
            Map<String, Object> hidden = a.containsKey(HIDDEN) ? a.get(HIDDEN)
                : classHidden.isEmpty() ? null : classHidden;
            String name = a.containsKey(DISPLAY_NAME) ? String.valueOf(a.get(DISPLAY_NAME).get("value"))
                : names.get(i) + "()";
            tests.add(new GradedTest(className, names.get(i), String.valueOf(graded.get("task")),
                ((Number) graded.getOrDefault("points", 0)).intValue(),
                ((Number) graded.getOrDefault("steps", 0L)).longValue(), name, visibility(hidden), i));
        }
        return tests;
    }

    private static String visibility(Map<String, Object> hidden) {
        if (hidden == null) {
            return TestResult.VISIBLE;
        }
        return Boolean.FALSE.equals(hidden.get("showMessage")) ? TestResult.WITHHELD : TestResult.HIDDEN;
    }

    private static AnnotationVisitor values(Map<String, Object> into) {
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                into.put(name, value);
            }
        };
    }

    // ---- sources that do not compile

    private static final class SourceScanner extends TreeScanner<Void, Void> {
        private final String pkg;
        private final List<GradedTest> into;
        private final List<String> problems;
        private final List<String> classes = new ArrayList<>();
        private final List<Boolean> hiddenClass = new ArrayList<>();
        private final List<Boolean> withheldClass = new ArrayList<>();
        private int position;

        SourceScanner(String pkg, List<GradedTest> into, List<String> problems) {
            this.pkg = pkg;
            this.into = into;
            this.problems = problems;
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            String outer = classes.isEmpty() ? pkg : classes.get(classes.size() - 1) + "$";
            classes.add(outer + tree.getSimpleName());
            AnnotationTree hidden = annotation(tree.getModifiers().getAnnotations(), "Hidden");
            hiddenClass.add(hidden != null);
            withheldClass.add(hidden != null && "false".equals(literal(hidden, "showMessage")));
            int saved = position;
            position = 0;
            super.visitClass(tree, null);
            position = saved;
            classes.remove(classes.size() - 1);
            hiddenClass.remove(hiddenClass.size() - 1);
            withheldClass.remove(withheldClass.size() - 1);
            return null;
        }

        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
            List<? extends AnnotationTree> annotations = tree.getModifiers().getAnnotations();
            AnnotationTree graded = annotation(annotations, "Graded");
            int here = position++;
            if (graded != null) {
                AnnotationTree display = annotation(annotations, "DisplayName");
                AnnotationTree hidden = annotation(annotations, "Hidden");
                boolean isHidden = hidden != null || hiddenClass.get(hiddenClass.size() - 1);
                boolean withheld = hidden != null ? "false".equals(literal(hidden, "showMessage"))
                    : withheldClass.get(withheldClass.size() - 1);
                String visibility = !isHidden ? TestResult.VISIBLE : withheld ? TestResult.WITHHELD
                    : TestResult.HIDDEN;
                String where = classes.get(classes.size() - 1) + "#" + tree.getName();
                into.add(new GradedTest(classes.get(classes.size() - 1), tree.getName().toString(),
                    String.valueOf(literal(graded, "task")), (int) number(graded, "points", where),
                    number(graded, "steps", where),
                    display == null ? tree.getName() + "()" : String.valueOf(literal(display, "value")),
                    visibility, here));
            }
            return null;
        }

        /**
         * A number of an annotation as its literal gives it; 0 when it is not given, and 0 with a problem noted when
         * it is an expression (a constant, a product), which only the compiler can evaluate.
         */
        private long number(AnnotationTree annotation, String element, String where) {
            String text = literal(annotation, element);
            if (text == null) {
                return 0;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                problems.add(where + ": @Graded(" + element + " = " + text + ") is not a number the grader can read "
                    + "from the source (it does when the tests do not compile): write it as a literal");
                return 0;
            }
        }

        private static AnnotationTree annotation(List<? extends AnnotationTree> annotations, String simpleName) {
            for (AnnotationTree a : annotations) {
                String type = a.getAnnotationType().toString();
                if (type.equals(simpleName) || type.endsWith("." + simpleName)) {
                    return a;
                }
            }
            return null;
        }

        /** The literal value of an annotation's element (string concatenations of literals joined). */
        private static String literal(AnnotationTree annotation, String element) {
            for (ExpressionTree arg : annotation.getArguments()) {
                if (arg instanceof AssignmentTree assignment) {
                    if (assignment.getVariable().toString().equals(element)) {
                        return value(assignment.getExpression());
                    }
                } else if (element.equals("value")) {
                    return value(arg);
                }
            }
            return null;
        }

        private static String value(ExpressionTree expression) {
            if (expression instanceof LiteralTree literal) {
                return String.valueOf(literal.getValue());
            }
            if (expression instanceof BinaryTree binary && expression.getKind() == Tree.Kind.PLUS
                && (isText(binary.getLeftOperand()) || isText(binary.getRightOperand()))) {
                return value(binary.getLeftOperand()) + value(binary.getRightOperand());
            }
            // a negative literal, or an expression only the compiler can evaluate (2 + 3 is no "23")
            return expression.toString();
        }

        /** Whether an expression is a string literal, or a concatenation with one. */
        private static boolean isText(ExpressionTree expression) {
            if (expression instanceof LiteralTree literal) {
                return literal.getValue() instanceof String;
            }
            return expression instanceof BinaryTree binary && expression.getKind() == Tree.Kind.PLUS
                && (isText(binary.getLeftOperand()) || isText(binary.getRightOperand()));
        }
    }
}
