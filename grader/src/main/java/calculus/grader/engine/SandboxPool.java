package calculus.grader.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import calculus.grader.protocol.Event;

/**
 * Where the grader gets its test JVMs. Grading a submission starts a fresh JVM for every module ({@link #fresh()});
 * the watch mode keeps one warm JVM between runs ({@link #warm()}), since every run loads the code under test into
 * a class loader of its own, and replaces it after any run that had to stop a test.
 */
public interface SandboxPool extends AutoCloseable {

    /**
     * A test JVM that is up and waits for a request.
     *
     * @throws IOException if no JVM could be started
     */
    SandboxProcess acquire(SandboxSettings settings, List<Path> classpath, Path directory) throws IOException;

    /**
     * Gives a JVM back.
     *
     * @param jvm      the JVM
     * @param reusable whether it finished its request normally, with no test stopped; a JVM that is not reusable is
     *                 ended
     */
    void release(SandboxProcess jvm, boolean reusable);

    @Override
    void close();

    /** A new JVM for every request, ended after it. */
    static SandboxPool fresh() {
        return new SandboxPool() {
            @Override
            public SandboxProcess acquire(SandboxSettings settings, List<Path> classpath, Path directory)
                throws IOException {
                return ready(SandboxProcess.start(settings, classpath, directory), settings);
            }

            @Override
            public void release(SandboxProcess jvm, boolean reusable) {
                jvm.close();
            }

            @Override
            public void close() {
                // nothing kept
            }
        };
    }

    /** One warm JVM kept between requests; a new one is started, ahead of time, when it cannot be reused. */
    static SandboxPool warm() {
        return new WarmSandbox();
    }

    /**
     * One warm JVM, started at once in the background: a Maven run's module starts its test JVM while the grader
     * compiles, and its check grades the skeleton and the reference in the same JVM (each in a class loader of its
     * own).
     */
    static SandboxPool prestarted(SandboxSettings settings, List<Path> classpath, Path directory) {
        return new WarmSandbox().prestart(settings, classpath, directory);
    }

    /** Waits for a new JVM's first event, which must say it is ready. */
    static SandboxProcess ready(SandboxProcess jvm, SandboxSettings settings) throws IOException {
        try {
            Event e = jvm.next(settings.wallMillis());
            if (e == null || !Event.READY.equals(e.type())) {
                String noise = jvm.noise();
                jvm.kill();
                throw new IOException("the test JVM did not start: " + noise);
            }
            return jvm;
        } catch (InterruptedException e) {
            jvm.kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a test JVM", e);
        }
    }
}
