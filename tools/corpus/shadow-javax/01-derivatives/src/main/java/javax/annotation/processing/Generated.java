package javax.annotation.processing;

/** A copy of the course's Generated, made by the submission. */
public @interface Generated {
}
