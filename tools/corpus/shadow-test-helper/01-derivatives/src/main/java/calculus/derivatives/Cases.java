package calculus.derivatives;

/** A copy of the course's Cases, made by the submission. */
final class Cases {
}
