package calculus.grader.policy;

/**
 * One breach of the rules for student code, as a student reads it: where, what, why, and what to write instead.
 *
 * @param className the binary name of the class that breaks the rule ({@code calculus.derivatives.NewtonMethod}),
 *                  or a path in the classes folder when the file is not a readable class
 * @param source    where in the sources: {@code NewtonMethod.java:42}, {@code NewtonMethod.java} when the class
 *                  file records no line for it, or empty when it records no source file
 * @param what      what the class does, from its own point of view: {@code uses java.lang.System.exit},
 *                  {@code extends java.lang.Thread}, {@code declares finalize()}
 * @param why       why that is refused
 * @param instead   what to write instead, or empty when there is nothing to suggest
 */
public record Violation(String className, String source, String what, String why, String instead) {

    /**
     * The breach in one line, for example
     * {@code NewtonMethod.java:42 uses java.lang.System.exit: ends the JVM, and the grading with it; throw an
     * IllegalArgumentException or IllegalStateException instead}.
     *
     * @return where (the source, else the class), what, why and, when there is one, what to do instead
     */
    public String message() {
        String where = source.isEmpty() ? className : source;
        String advice = instead.isEmpty() ? "" : "; " + instead;
        return where + " " + what + ": " + why + advice;
    }
}
