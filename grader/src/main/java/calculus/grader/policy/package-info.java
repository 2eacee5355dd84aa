/**
 * The rules for student code: the wall between a student's code and the grader, the file system, other threads and
 * the student's own grade.
 *
 * <ul>
 *   <li>{@link calculus.grader.policy.SubmissionFiles}: the source tree, checked before it is compiled (no links,
 *       devices or odd names, bounded sizes, strict UTF-8).</li>
 *   <li>{@link calculus.grader.policy.CodePolicy}: the compiled classes, checked before any test runs, against an
 *       allow-list of JDK classes and members ({@code allowed-api.txt}); each breach is a
 *       {@link calculus.grader.policy.Violation} that says where, why and what to write instead.</li>
 *   <li>Inside: {@code ClassFileReader} reads a class file with ASM into a {@code CompiledClass} (what it declares
 *       and names), {@code ApiRules} is the parsed allow-list, {@code JdkTypes} finds which JDK class declares a
 *       member, {@code ApiCheck} judges one use, {@code ClassesFolder} reads a folder of classes without following
 *       links, and {@code RulesTable} renders the allow-list for the README.</li>
 * </ul>
 */
package calculus.grader.policy;
