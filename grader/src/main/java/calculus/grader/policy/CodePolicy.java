package calculus.grader.policy;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.objectweb.asm.Opcodes;

import calculus.grader.policy.ApiCheck.Refusal;
import calculus.grader.policy.CompiledClass.Kind;
import calculus.grader.policy.CompiledClass.Member;
import calculus.grader.policy.CompiledClass.Use;

/**
 * The rules student code must keep so that it cannot touch the grader, the file system, other threads or its own
 * grade, checked on the compiled classes before any of them runs.
 *
 * <p>The rules are an allow-list. A student's classes
 * <ul>
 *   <li>live in the module's own package (or packages inside it), and none takes the name of a test class;</li>
 *   <li>name only their own classes and the JDK classes and members the allow-list {@code allowed-api.txt}
 *       allows: in instructions, constants, method handles, caught exceptions and declared types;</li>
 *   <li>extend and implement only their own types and allowed JDK types;</li>
 *   <li>declare no {@code finalize()} (the JVM would run it on its finalizer thread) and no native method;</li>
 *   <li>use invokedynamic only as javac does for lambdas, string concatenation, records and switches.</li>
 * </ul>
 * Each breach is reported with its source file and line, why it is refused and, for the idioms a student is likely
 * to reach for, what to write instead. No class is ever loaded: the class files are read with ASM, and only the
 * JDK's own classes are looked up, to find which class declares a member.
 */
public final class CodePolicy {

    private static final Pattern PACKAGE = Pattern.compile(
        "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}"
            + "\\p{javaJavaIdentifierPart}*)*");
    private static final String FINALIZE = "finalize";
    private static final String NO_ARGUMENTS_VOID = "()V";

    private CodePolicy() {
    }

    /**
     * Checks every class file under a folder of compiled student code.
     *
     * @param classesDir     the folder, for example {@code target/classes}; one that does not exist holds nothing
     *                       to check
     * @param ownPackages    the module's packages, such as {@code calculus.derivatives}; their subpackages belong
     *                       to the module too
     * @param testClassNames the binary names of every class of the module's tests, nested classes and helpers
     *                       included: student code may neither take their names nor use them
     * @return the breaches, class by class in path order; empty when the code keeps every rule
     * @throws IllegalArgumentException if an argument is null, or {@code ownPackages} is empty or holds something
     *                                  that is not a package name
     */
    public static List<Violation> check(Path classesDir, Set<String> ownPackages, Set<String> testClassNames) {
        if (classesDir == null) {
            throw new IllegalArgumentException("classesDir must be a folder, got classesDir = null");
        }
        requirePackages(ownPackages);
        if (testClassNames == null) {
            throw new IllegalArgumentException("testClassNames must be a set of class names, got null");
        }
        if (!Files.exists(classesDir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        ClassesFolder folder = ClassesFolder.read(classesDir);
        ApiCheck api = new ApiCheck(ApiRules.course(), folder.classes(), Set.copyOf(testClassNames));
        List<Violation> found = new ArrayList<>(folder.problems());
        for (CompiledClass c : folder.classes().values()) {
            placement(c, ownPackages, testClassNames).ifPresent(found::add);
            found.addAll(supertypes(c, api));
            found.addAll(declarations(c));
            found.addAll(uses(c, api));
        }
        return List.copyOf(found);
    }

    private static void requirePackages(Set<String> ownPackages) {
        if (ownPackages == null || ownPackages.isEmpty()) {
            throw new IllegalArgumentException("ownPackages must name at least one package, got ownPackages = "
                + ownPackages);
        }
        for (String p : ownPackages) {
            if (p == null || !PACKAGE.matcher(p).matches()) {
                throw new IllegalArgumentException("ownPackages must hold package names such as "
                    + "calculus.derivatives, got \"" + p + "\" in ownPackages = " + ownPackages);
            }
        }
    }

    /**
     * The binary names of the classes in a folder of compiled classes, such as a module's test classes, for
     * {@link #check}'s {@code testClassNames}.
     *
     * @param folder the folder; one that does not exist holds no classes
     * @return the names, sorted
     * @throws IllegalArgumentException if {@code folder} is null
     */
    public static Set<String> classNames(Path folder) {
        if (folder == null) {
            throw new IllegalArgumentException("folder must be a folder, got folder = null");
        }
        return ClassesFolder.classNames(folder);
    }

    /**
     * The rules as the README's "Rules for your code" shows them: a Markdown table of what student code may use,
     * area by area, and what it may not, rendered from the allow-list itself.
     *
     * @return the table, one line per row, ending in a line break
     */
    public static String rulesMarkdown() {
        return RulesTable.render(ApiRules.course());
    }

    // ---- the checks of one class

    private static Optional<Violation> placement(CompiledClass c, Set<String> ownPackages, Set<String> tests) {
        String source = c.source(0);
        if ((c.access() & Opcodes.ACC_MODULE) != 0) {
            return Optional.of(new Violation(c.name(), source, "is a module declaration",
                "the course's code is not a module", "remove module-info.java"));
        }
        String p = c.packageName();
        if (ownPackages.stream().noneMatch(own -> p.equals(own) || p.startsWith(own + "."))) {
            String where = p.isEmpty() ? "is in the default package" : "is in the package " + p;
            String home = String.join(" or ", new TreeSet<>(ownPackages));
            return Optional.of(new Violation(c.name(), source, where,
                "student code must stay in this module's package " + home + " (or a package inside it)",
                "move it to the package " + home));
        }
        if (tests.contains(c.name())) {
            return Optional.of(new Violation(c.name(), source, "has the name of a test class",
                "it would take the place of that test, or of a helper the tests rely on", "rename it"));
        }
        return Optional.empty();
    }

    private static List<Violation> supertypes(CompiledClass c, ApiCheck api) {
        List<Violation> found = new ArrayList<>();
        if (!c.superName().isEmpty()) {
            supertype(c, "extends ", c.superName(), api).ifPresent(found::add);
        }
        // an interface's class file lists the interfaces it extends where a class's lists those it implements
        String verb = (c.access() & Opcodes.ACC_INTERFACE) != 0 ? "extends " : "implements ";
        for (String i : c.interfaces()) {
            supertype(c, verb, i, api).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Violation> supertype(CompiledClass c, String verb, String supertype, ApiCheck api) {
        return api.type(supertype).map(r -> new Violation(c.name(), c.source(0), verb + r.subject(), r.why(),
            r.instead()));
    }

    private static List<Violation> declarations(CompiledClass c) {
        List<Violation> found = new ArrayList<>();
        for (Member m : c.methods()) {
            String source = c.source(m.line());
            if (Modifier.isNative(m.access())) {
                found.add(new Violation(c.name(), source, "declares the native method " + m.name(),
                    "native code runs outside the JVM's checks", "write the method in Java"));
            }
            if (m.name().equals(FINALIZE) && m.descriptor().equals(NO_ARGUMENTS_VOID)) {
                found.add(new Violation(c.name(), source, "declares finalize()",
                    "the JVM would call it on its finalizer thread, outside the grader's control",
                    "release what you hold in a close() method, with try-with-resources"));
            }
        }
        return found;
    }

    /**
     * The refused uses, once each per line. A refused class named on a line where one of its members is refused
     * too ({@code new Thread(...)} names the class and its constructor) is left to the member's report.
     */
    private static List<Violation> uses(CompiledClass c, ApiCheck api) {
        Set<String> membersRefused = new HashSet<>();
        Map<Use, Refusal> refused = new LinkedHashMap<>();
        for (Use u : c.uses()) {
            api.check(u).ifPresent(r -> {
                refused.put(u, r);
                if (u.kind() != Kind.TYPE) {
                    membersRefused.add(u.line() + " " + u.owner());
                }
            });
        }
        Set<Violation> found = new LinkedHashSet<>();
        refused.forEach((u, r) -> {
            if (u.kind() != Kind.TYPE || !membersRefused.contains(u.line() + " " + u.owner())) {
                found.add(new Violation(c.name(), c.source(u.line()), "uses " + r.subject(), r.why(), r.instead()));
            }
        });
        return new ArrayList<>(found);
    }

    /**
     * Checks a folder of compiled classes from the command line and prints each breach.
     *
     * <pre>java calculus.grader.policy.CodePolicy CLASSES_DIR PACKAGE[,PACKAGE...] [TEST_CLASSES_DIR]</pre>
     *
     * @param args the classes folder, the module's packages, and the folder of its compiled tests if any
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CodePolicy CLASSES_DIR PACKAGE[,PACKAGE...] [TEST_CLASSES_DIR]");
            System.exit(2);
        }
        Set<String> tests = args.length == 3 ? classNames(Paths.get(args[2])) : Set.of();
        List<Violation> found = check(Paths.get(args[0]), new TreeSet<>(Arrays.asList(args[1].split(","))), tests);
        found.forEach(v -> System.out.println(v.message()));
        System.out.println(args[0] + ": " + (found.isEmpty() ? "keeps every rule" : found.size() + " breaches"));
        System.exit(found.isEmpty() ? 0 : 1);
    }
}
