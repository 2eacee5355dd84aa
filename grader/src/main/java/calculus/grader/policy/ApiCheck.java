package calculus.grader.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import calculus.grader.policy.ApiRules.Rule;
import calculus.grader.policy.CompiledClass.Kind;
import calculus.grader.policy.CompiledClass.Use;

/**
 * Judges one thing a student class names: a class, a field, a method or a bootstrap method. It is allowed when it
 * is the student's own (a class in the classes folder, or a member declared there) or when the allow-list allows
 * it; a class of the module's tests never is.
 *
 * <p>A member is judged where it is declared. A member named through a student class but declared in the JDK
 * ({@code myException.getStackTrace()}) is followed up the student's classes to the JDK supertype they extend;
 * a member named through a JDK class ({@code ArrayList.stream}) is resolved to the JDK class that declares it
 * ({@code Collection}). It is allowed when a line allows it on a class between the one named and the declaring
 * one, and no line refuses it on any supertype of the one named.
 */
final class ApiCheck {

    /** Why a use is refused, for anything the allow-list gives no reason for. */
    static final String NOT_LISTED = "not among the JDK classes and methods student code may use (see README, "
        + "\"Rules for your code\")";
    private static final String TEST_CLASS = "a class of the module's tests: the code under test must not depend on "
        + "its tests";
    private static final String FOREIGN = "neither a class of this module's code nor a JDK class";
    private static final String KEEP_TO_OWN = "keep to your own classes and the JDK classes in the README";
    private static final String BOOTSTRAP = "invokedynamic may only build lambdas, method references, string "
        + "concatenations, records' methods and switches";

    /**
     * A refused use.
     *
     * @param subject what is refused, as a student reads it: {@code java.lang.System.exit},
     *                {@code new java.io.PrintStream(...)}
     * @param why     why
     * @param instead what to write instead, or empty
     */
    record Refusal(String subject, String why, String instead) {
    }

    private final ApiRules rules;
    private final Map<String, CompiledClass> own;
    private final Set<String> testClasses;
    private final JdkTypes jdk = new JdkTypes();

    /**
     * @param rules       the allow-list
     * @param own         the student's classes, by binary name
     * @param testClasses the binary names of the module's test classes
     */
    ApiCheck(ApiRules rules, Map<String, CompiledClass> own, Set<String> testClasses) {
        this.rules = rules;
        this.own = own;
        this.testClasses = testClasses;
    }

    /** Judges one use. */
    Optional<Refusal> check(Use use) {
        if (use.kind() == Kind.TYPE) {
            return type(use.owner());
        }
        if (use.kind() == Kind.BOOTSTRAP) {
            return bootstrap(use.owner(), use.name());
        }
        return member(use.owner(), use.name(), use.descriptor(), use.kind() == Kind.FIELD);
    }

    /** Judges a class named as a type, a supertype included. */
    Optional<Refusal> type(String className) {
        String shown = shown(className);
        if (testClasses.contains(className)) {
            return Optional.of(new Refusal(shown, TEST_CLASS, KEEP_TO_OWN));
        }
        if (own.containsKey(className) || rules.allowsType(className)) {
            return Optional.empty();
        }
        if (!JdkTypes.isJdkName(className)) {
            return Optional.of(new Refusal(shown, FOREIGN, KEEP_TO_OWN));
        }
        return Optional.of(refusal(shown, rules.classRefusal(className)));
    }

    private Optional<Refusal> bootstrap(String className, String method) {
        if (rules.allowsBootstrap(className, method)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("the bootstrap method " + shown(className) + "." + method,
            BOOTSTRAP, "write the code without it"));
    }

    private Optional<Refusal> member(String owner, String name, String descriptor, boolean field) {
        if (testClasses.contains(owner) || !own.containsKey(owner)) {
            return jdkMember(owner, name, descriptor, field);
        }
        List<String> boundary = new ArrayList<>();
        if (declaredByOwnClasses(owner, name + descriptor, field, boundary)) {
            return Optional.empty();
        }
        // not the student's own: the JDK supertype that declares it answers, the first one by default
        for (String jdkType : boundary) {
            Optional<Class<?>> type = jdk.load(jdkType);
            if (type.isPresent() && JdkTypes.declaringClass(type.get(), name, descriptor, field).isPresent()) {
                return jdkMember(jdkType, name, descriptor, field);
            }
        }
        return jdkMember(boundary.isEmpty() ? owner : boundary.get(0), name, descriptor, field);
    }

    /**
     * Whether the student's classes declare a member, looking from {@code owner} up through the student's own
     * supertypes; the first supertypes outside them are added to {@code boundary}, superclasses first.
     */
    private boolean declaredByOwnClasses(String owner, String key, boolean field, List<String> boundary) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (!seen.add(name)) {
                continue; // a class file made by hand may name its supertypes in a cycle
            }
            CompiledClass c = own.get(name);
            if (c == null || testClasses.contains(name)) {
                boundary.add(name);
            } else if (c.declared(field).contains(key)) {
                return true;
            } else if (!key.startsWith("<init>")) { // constructors are not inherited
                todo.addAll(c.interfaces());
                if (!c.superName().isEmpty()) {
                    todo.addFirst(c.superName()); // as the JVM looks: superclasses before interfaces
                }
            }
        }
        return false;
    }

    private Optional<Refusal> jdkMember(String owner, String name, String descriptor, boolean field) {
        String shown = name.equals("<init>") ? "new " + shown(owner) + "(...)" : shown(owner) + "." + name;
        Optional<Refusal> asType = type(owner);
        if (asType.isPresent() && !JdkTypes.isJdkName(owner)) {
            return Optional.of(new Refusal(shown, asType.get().why(), asType.get().instead()));
        }
        Optional<Class<?>> type = jdk.load(owner);
        List<String> supertypes = type.map(t -> names(JdkTypes.supertypes(t))).orElse(List.of(owner));
        Optional<Rule> refused = rules.refusal(supertypes, name, descriptor);
        if (refused.isPresent()) {
            return Optional.of(refusal(shown, refused));
        }
        if (asType.isPresent()) {
            return Optional.of(new Refusal(shown, asType.get().why(), asType.get().instead()));
        }
        if (type.isEmpty()) {
            // named, but not in this JDK (a newer JDK's class): the line on the class itself decides
            return rules.allowsMember(owner, name, descriptor) ? Optional.empty()
                : Optional.of(refusal(shown, rules.classRefusal(owner)));
        }
        Optional<Class<?>> declaring = JdkTypes.declaringClass(type.get(), name, descriptor, field);
        if (declaring.isPresent() && allowedBetween(type.get(), declaring.get(), name, descriptor)) {
            return Optional.empty();
        }
        Optional<Rule> reason = declaring.flatMap(d -> rules.classRefusal(d.getName()))
            .or(() -> rules.classRefusal(owner));
        return Optional.of(refusal(shown, reason));
    }

    /** Whether a line allows the member on a class from the one named up to the one that declares it. */
    private boolean allowedBetween(Class<?> named, Class<?> declaring, String name, String descriptor) {
        return JdkTypes.supertypes(named).stream().filter(declaring::isAssignableFrom)
            .anyMatch(c -> rules.allowsMember(c.getName(), name, descriptor));
    }

    private static Refusal refusal(String shown, Optional<Rule> reason) {
        return reason.map(r -> new Refusal(shown, r.why(), r.instead()))
            .orElseGet(() -> new Refusal(shown, NOT_LISTED, ""));
    }

    private static List<String> names(Set<Class<?>> types) {
        return types.stream().map(Class::getName).collect(Collectors.toList());
    }

    /** A binary name as a student writes it: {@code java.util.Map.Entry}. */
    static String shown(String className) {
        return className.replace('$', '.');
    }
}
