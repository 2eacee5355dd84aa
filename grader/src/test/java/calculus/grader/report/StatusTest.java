package calculus.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The statuses of tests and tasks, and which one wins when several are taken together. */
class StatusTest {

    @Test
    @DisplayName("combining keeps the most telling status: TIMED OUT, FAILED, NOT RUN, TODO, SKIPPED, PASSED")
    void combineOrder() {
        Status[] order = {Status.PASSED, Status.SKIPPED, Status.TODO, Status.NOT_RUN, Status.FAILED,
            Status.TIMED_OUT};
        for (int i = 0; i < order.length; i++) {
            for (int j = 0; j < order.length; j++) {
                Status expected = order[Math.max(i, j)];
                assertThat(Status.combine(order[i], order[j])).as("%s with %s", order[i], order[j])
                    .isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("a status parses from its name or its label; anything else is rejected with the text")
    void parse() {
        for (Status s : Status.values()) {
            assertThat(Status.parse(s.name())).isEqualTo(s);
            assertThat(Status.parse(s.label())).isEqualTo(s);
        }
        assertThat(Status.TIMED_OUT.label()).isEqualTo("TIMED OUT");
        assertThat(Status.NOT_RUN.label()).isEqualTo("NOT RUN");
        assertThatThrownBy(() -> Status.parse("passed")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown status: passed");
    }
}
