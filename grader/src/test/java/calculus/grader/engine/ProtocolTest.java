package calculus.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import calculus.grader.protocol.Event;
import calculus.grader.protocol.RunRequest;
import calculus.grader.protocol.Wire;

/** The lines between the grader and its test JVM, and the grader's reading of a test JVM's output. */
class ProtocolTest {

    /** Long enough for any event to come: these tests never wait for one that does not. */
    private static final long WAIT_MILLIS = 60_000;

    // ---- Wire

    @Test
    @DisplayName("an event goes over the wire as one marked line of JSON and comes back equal")
    void eventRoundTrip() {
        Event event = new Event(Event.FINISHED, "calculus.derivatives.SecantSlopeTest#workedExamples", "#3",
            "FAILED", "expected: \"2.0\"\r\n but was: 1.9 \u2202f/\u2202x \ud83d\ude00 \\ </x> \u2028", 123_456_789L,
            1_000, "printed\nlines");

        String line = Wire.line(event);

        assertThat(line).startsWith(Wire.PREFIX).doesNotContain("\n", "\r");
        assertThat(Wire.event(line)).isEqualTo(event);
        assertThat(Wire.event(Wire.line(Event.of(Event.READY, "")))).isEqualTo(Event.of(Event.READY, ""))
            .extracting(Event::seed).isNull();
    }

    @Test
    @DisplayName("a run request goes over the wire and comes back equal")
    void requestRoundTrip() {
        RunRequest request = new RunRequest(List.of("/w/test-classes", "/w/hidden classes"), "/w/classes",
            List.of("a.B#c", "a.B#d"), Map.of("seed", "42", "calculus.seed", "7"), 200_000_000L, 20_000, 16_384);

        String line = Wire.line(request);

        assertThat(line).doesNotContain("\n");
        assertThat(Wire.request(line)).isEqualTo(request);
    }

    @Test
    @DisplayName("a line without the mark is no event; a marked line that is no event is refused")
    void whatIsNotAnEvent() {
        assertThat(Wire.event("Picked up JAVA_TOOL_OPTIONS: -Xmx1g")).isNull();
        assertThat(Wire.event(null)).isNull();
        assertThat(Wire.event(" " + Wire.line(Event.of(Event.DONE, "")))).as("the mark starts the line").isNull();
        assertThatThrownBy(() -> Wire.event(Wire.PREFIX + "{not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wire.event(Wire.PREFIX + "{\"test\": \"a.B#c\"}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a type");
        assertThatThrownBy(() -> Wire.request("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wire.request("[1")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- SandboxProcess: reading a test JVM

    @Test
    @DisplayName("events are read among other output, after a line too long to read and a broken event, to the end")
    void eventsAmongNoise() throws IOException, InterruptedException {
        try (SandboxProcess jvm = new SandboxProcess(start("events"))) {
            assertThat(jvm.next(WAIT_MILLIS)).isEqualTo(Event.of(Event.READY, ""));
            assertThat(jvm.next(WAIT_MILLIS)).isEqualTo(new Event(Event.FINISHED, "a.B#c", "#2", "FAILED",
                "line one\nline two \u2202", 42L, 17, "printed"));
            assertThat(jvm.next(WAIT_MILLIS)).as("the last line, without a line end").isEqualTo(Event.of(Event.DONE,
                ""));
            assertThat(jvm.next(WAIT_MILLIS)).as("the end").isNull();
            assertThat(jvm.next(WAIT_MILLIS)).as("still the end").isNull();
            assertThat(jvm.exitCode()).isEqualTo(7);

            List<String> noise = jvm.noise().lines().toList();
            assertThat(noise).hasSize(3);
            assertThat(noise.get(0)).isEqualTo("a line before anything");
            assertThat(noise.get(1)).as("the line too long, cut").hasSize(303).startsWith(Wire.PREFIX).endsWith("...");
            assertThat(noise.get(2)).isEqualTo(Wire.PREFIX + "{not json");
        }
    }

    @Test
    @DisplayName("of a flood of output only the last 40 lines are kept, for a diagnosis")
    void floodOfNoise() throws IOException, InterruptedException {
        try (SandboxProcess jvm = new SandboxProcess(start("flood"))) {
            assertThat(jvm.next(WAIT_MILLIS)).isNull();

            assertThat(jvm.noise().lines().toList()).hasSize(40).startsWith("noise 60").endsWith("noise 99");
            assertThat(jvm.exitCode()).isZero();
            assertThat(jvm.alive()).isFalse();
        }
    }

    private static Process start(String mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
            System.getProperty("java.class.path"), EventSource.class.getName(), mode)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
