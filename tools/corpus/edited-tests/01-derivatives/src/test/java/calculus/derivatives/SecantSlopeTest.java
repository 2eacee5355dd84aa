package calculus.derivatives;

import calculus.grader.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecantSlopeTest {
    @Test
    @Graded(task = "1.1", points = 100)
    @DisplayName("1.1 always passes")
    void free() {
    }
}
