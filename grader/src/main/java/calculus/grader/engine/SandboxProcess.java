package calculus.grader.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import calculus.grader.protocol.Event;
import calculus.grader.protocol.RunRequest;
import calculus.grader.protocol.Wire;
import calculus.grader.sandbox.Sandbox;

/**
 * One test JVM, seen from the grader: started with a bounded heap and the grader's class path, given requests on
 * its standard input, read event by event from its standard output, and ended (killed if need be) by the grader.
 * Whatever the JVM prints that is not an event is kept, cut, for when something goes wrong.
 */
final class SandboxProcess implements AutoCloseable {

    /** The most lines of the JVM's own output kept for a diagnosis. */
    private static final int NOISE_LINES = 40;
    /** The longest line read from the JVM: an event is never longer (its texts are capped). */
    private static final int LINE_LIMIT = 1 << 20;

    private final Process process;
    private final Writer requests;
    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final Deque<String> noise = new ArrayDeque<>();

    /** Marks the end of the JVM's output. */
    private static final Object END = new Object();

    /** Reads a started process; {@link #start} starts a test JVM (tests start other processes). */
    SandboxProcess(Process process) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(() -> pump(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8),
            true), "grader-sandbox-out");
        Thread err = new Thread(() -> pump(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8),
            false), "grader-sandbox-err");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /**
     * Starts a test JVM.
     *
     * @param settings  the JVM's settings
     * @param classpath the grader's class path (never the code under test, which the JVM loads itself)
     * @param directory its working directory
     */
    static SandboxProcess start(SandboxSettings settings, List<Path> classpath, Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(joined(classpath));
        command.add(Sandbox.class.getName());
        command.add(Integer.toString(settings.outputLimit()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        return new SandboxProcess(builder.start());
    }

    /** A class path as the {@code java} launcher's {@code -cp} takes it. */
    static String joined(List<Path> classpath) {
        return String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    private void pump(InputStreamReader from, boolean events) {
        try (BufferedReader in = new BufferedReader(from)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    deliver(line.toString(), events);
                    line.setLength(0);
                } else if (line.length() < LINE_LIMIT) {
                    line.append((char) c);
                }
            }
            if (line.length() > 0) {
                deliver(line.toString(), events);
            }
        } catch (IOException e) {
            // the JVM is gone
        }
        if (events) {
            lines.add(END);
        }
    }

    private void deliver(String line, boolean events) {
        Event event = null;
        if (events) {
            try {
                event = Wire.event(line);
            } catch (IllegalArgumentException e) {
                event = null;
            }
        }
        if (event != null) {
            lines.add(event);
        } else {
            synchronized (noise) {
                noise.addLast(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                if (noise.size() > NOISE_LINES) {
                    noise.removeFirst();
                }
            }
        }
    }

    /** Sends one request. */
    void send(RunRequest request) throws IOException {
        requests.write(Wire.line(request));
        requests.write('\n');
        requests.flush();
    }

    /**
     * The next event, waiting at most {@code millis}.
     *
     * @return the event; {@code null} if the JVM ended; {@link #TIMEOUT} if none came in time
     */
    Event next(long millis) throws InterruptedException {
        Object o = lines.poll(millis, TimeUnit.MILLISECONDS);
        if (o == null) {
            return TIMEOUT;
        }
        if (o == END) {
            lines.add(END); // stays ended
            return null;
        }
        return (Event) o;
    }

    /** Returned by {@link #next} when no event came in time. */
    static final Event TIMEOUT = Event.of("timeout", "");

    /** The JVM's exit code once it ended, waiting a little for it; -1 if it is still running. */
    int exitCode() throws InterruptedException {
        return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** What the JVM printed that was not an event: its last lines. */
    String noise() {
        synchronized (noise) {
            return String.join("\n", noise);
        }
    }

    /** Ends the JVM: closing its input ends it; a JVM that does not end is killed. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the JVM now. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }
}
