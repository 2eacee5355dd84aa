package calculus.grader.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one compiled class declares and what it uses, read from its class file by {@link ClassFileReader}: all the
 * policy needs to judge it, with no class ever loaded.
 *
 * @param name       the class's binary name, {@code calculus.derivatives.NewtonMethod$Result}
 * @param access     its access flags, as in the class file
 * @param superName  its superclass's binary name, or empty for {@code module-info}
 * @param interfaces the binary names of the interfaces it implements
 * @param sourceFile the source file it was compiled from, or empty when the class file does not say
 * @param fields     the fields it declares
 * @param methods    the methods and constructors it declares
 * @param uses       every class, field, method and bootstrap method it names, in the order they appear
 */
record CompiledClass(String name, int access, String superName, List<String> interfaces, String sourceFile,
                     List<Member> fields, List<Member> methods, List<Use> uses) {

    /**
     * A field or method a class declares.
     *
     * @param name       its name; {@code <init>} for a constructor
     * @param descriptor its JVM descriptor
     * @param access     its access flags
     * @param line       the first source line of its code, or 0 when the class file records none
     */
    record Member(String name, String descriptor, int access, int line) {

        /** The key by which a reference finds the member: name and descriptor. */
        String key() {
            return name + descriptor;
        }
    }

    /** What a use names. */
    enum Kind {
        /** A class: in an instruction, a constant, a caught exception or a declared member's type. */
        TYPE,
        /** A field, read or written, or the target of a method handle. */
        FIELD,
        /** A method or constructor, called or the target of a method handle. */
        METHOD,
        /** The bootstrap method of an invokedynamic instruction or of a dynamic constant. */
        BOOTSTRAP
    }

    /**
     * One thing a class names.
     *
     * @param kind       what it names
     * @param owner      the binary name of the class named, or of the member's owner (array types become their
     *                   element type, array methods {@code Object}'s)
     * @param name       the member's name, or empty for a {@link Kind#TYPE}
     * @param descriptor the member's JVM descriptor, or empty for a {@link Kind#TYPE}
     * @param line       the source line, or 0 when the class file records none
     */
    record Use(Kind kind, String owner, String name, String descriptor, int line) {
    }

    /** The keys ({@link Member#key()}) of the fields, or of the methods, this class declares. */
    Set<String> declared(boolean field) {
        return (field ? fields : methods).stream().map(Member::key).collect(Collectors.toSet());
    }

    /** Where in the sources: {@code NewtonMethod.java:42}, {@code NewtonMethod.java} without a line, or empty. */
    String source(int line) {
        if (sourceFile.isEmpty()) {
            return "";
        }
        return line > 0 ? sourceFile + ":" + line : sourceFile;
    }

    /** The class's package, or "" for the default package. */
    String packageName() {
        return ApiRules.packageOf(name);
    }
}
