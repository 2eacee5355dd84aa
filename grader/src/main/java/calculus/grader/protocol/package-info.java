/**
 * The messages between the grader and its test JVM: a {@link calculus.grader.protocol.RunRequest} in, one
 * {@link calculus.grader.protocol.Event} per line out, both JSON ({@link calculus.grader.protocol.Wire}). The test
 * JVM's real standard output carries only these; the code under test prints into a capture.
 *
 * <p>Uses: Gson. Depends on no other package of the grader.
 */
package calculus.grader.protocol;
