/**
 * Independent oracles for the graded tests: derivatives computed by a method the students do not write
 * (high-order finite differences, closed forms of random smooth functions), and seeded data sets.
 *
 * <p>None of this is on the students' main class path: the exercise modules see the grader only in test scope.
 */
package calculus.oracles;
