package calculus.grader.sandbox;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the code under test prints: {@code System.out} and {@code System.err} in the test JVM. What a test prints
 * is kept up to a limit and travels to the grader with the test's result; the rest is only counted, so that a test
 * that prints megabytes costs nothing but its own time.
 */
final class OutputCapture extends OutputStream {

    private final byte[] kept;
    private int length;
    private long dropped;
    private boolean open;

    OutputCapture(int limit) {
        kept = new byte[limit];
    }

    /** A print stream over this capture, for {@code System.setOut}. */
    PrintStream stream() {
        return new PrintStream(this, false, StandardCharsets.UTF_8);
    }

    /** Starts keeping a test's output. */
    synchronized void begin() {
        length = 0;
        dropped = 0;
        open = true;
    }

    /** Stops keeping, and returns what the test printed (cut at the limit, the rest counted). */
    synchronized String end() {
        open = false;
        String text = new String(kept, 0, length, StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n... (" + dropped + " more bytes not kept)";
    }

    @Override
    public synchronized void write(int b) {
        if (!open) {
            return;
        }
        if (length < kept.length) {
            kept[length++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (!open) {
            return;
        }
        int n = Math.min(len, kept.length - length);
        if (n > 0) {
            System.arraycopy(b, off, kept, length, n);
            length += n;
        }
        dropped += len - Math.max(n, 0);
    }
}
