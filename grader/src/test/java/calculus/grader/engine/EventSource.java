package calculus.grader.engine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import calculus.grader.protocol.Event;
import calculus.grader.protocol.Wire;

/**
 * A stand-in for a test JVM, for the tests of {@link SandboxProcess}: prints events among other output, as a test
 * JVM's own warnings would come, then exits with code 7.
 */
final class EventSource {

    /** The length of the line too long to be read whole: twice the grader's line limit. */
    static final int LONG = 2 << 20;
    /** How many lines of noise {@code flood} prints. */
    static final int FLOOD = 100;

    private EventSource() {
    }

    /**
     * @param args {@code events}: events among noise, a line too long and a broken event; {@code flood}: lines of
     *             noise only
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        if (args[0].equals("flood")) {
            for (int i = 0; i < FLOOD; i++) {
                out.println("noise " + i);
            }
            out.flush();
            System.exit(0);
        }
        out.println("a line before anything");
        out.println(Wire.line(Event.of(Event.READY, "")));
        out.println(Wire.PREFIX + "{\"type\": \"finished\", \"message\": \"" + "x".repeat(LONG) + "\"}");
        out.println(Wire.line(new Event(Event.FINISHED, "a.B#c", "#2", "FAILED", "line one\nline two \u2202",
            42L, 17, "printed")));
        out.println(Wire.PREFIX + "{not json");
        out.print(Wire.line(Event.of(Event.DONE, "")));
        out.flush();
        System.exit(7);
    }
}
