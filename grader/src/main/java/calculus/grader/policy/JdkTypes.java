package calculus.grader.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.Type;

/**
 * The JDK's own classes, as the trusted JVM that runs the policy sees them: loaded by name from the platform class
 * loader, never initialised, and only for names in the JDK's own packages (a student's class is never loaded).
 *
 * <p>It answers the two questions the allow-list needs: which class declares a member that javac recorded under
 * the receiver's static type ({@code ArrayList.stream} is {@code Collection}'s), and what a class's supertypes are.
 */
final class JdkTypes {

    /** The packages of the JDK's own classes; any other name is never looked up. */
    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private final Map<String, Optional<Class<?>>> loaded = new HashMap<>();

    /** Whether a class's name places it in the JDK, whether or not this JDK has it. */
    static boolean isJdkName(String className) {
        return JDK_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /**
     * A JDK class by its binary name, loaded but not initialised.
     *
     * @return the class, or empty when the name is not the JDK's or this JDK has no such class
     */
    Optional<Class<?>> load(String className) {
        return loaded.computeIfAbsent(className, JdkTypes::tryLoad);
    }

    private static Optional<Class<?>> tryLoad(String className) {
        if (!isJdkName(className)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(className, false, ClassLoader.getPlatformClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * A class and all its supertypes, in the order the JVM looks for a method: the class and its superclasses
     * first, then the interfaces, nearest first.
     */
    static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            all.add(c);
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        all.forEach(c -> interfaces.addAll(List.of(c.getInterfaces())));
        while (!interfaces.isEmpty()) {
            Class<?> i = interfaces.removeFirst();
            if (all.add(i)) {
                interfaces.addAll(List.of(i.getInterfaces()));
            }
        }
        all.add(Object.class); // an interface has Object's public methods too (JLS 9.2)
        return all;
    }

    /**
     * The class that declares a member a reference names through {@code owner}, as the JVM resolves it: the owner,
     * then its superclasses, then its interfaces. A constructor is only ever the owner's own.
     *
     * @param owner      the class the reference names
     * @param name       the member's name, {@code <init>} for a constructor
     * @param descriptor its JVM descriptor
     * @param field      whether it is a field
     * @return the declaring class, or empty when there is no such member
     */
    static Optional<Class<?>> declaringClass(Class<?> owner, String name, String descriptor, boolean field) {
        if (name.equals("<init>")) {
            return declaresConstructor(owner, descriptor) ? Optional.of(owner) : Optional.empty();
        }
        for (Class<?> c : supertypes(owner)) {
            if (field ? declaresField(c, name, descriptor) : declaresMethod(c, name, descriptor)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean declaresField(Class<?> c, String name, String descriptor) {
        for (Field f : c.getDeclaredFields()) {
            if (f.getName().equals(name) && Type.getDescriptor(f.getType()).equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresMethod(Class<?> c, String name, String descriptor) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresConstructor(Class<?> c, String descriptor) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Type.getConstructorDescriptor(k).equals(descriptor)) {
                return true;
            }
        }
        return false;
    }
}
