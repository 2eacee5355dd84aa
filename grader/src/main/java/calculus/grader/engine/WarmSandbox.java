package calculus.grader.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One test JVM kept warm between requests (the watch mode): JUnit, AssertJ and the grader stay loaded and compiled,
 * and a request costs only the tests. Each request loads the code under test into a class loader of its own, so
 * nothing of one run reaches the next; a JVM that had to stop a test (or died) is ended and replaced by a new one,
 * started in the background so that the next run finds it ready. Used by one thread at a time.
 */
final class WarmSandbox implements SandboxPool {

    /** The JVM waiting for the next request, or being started for it. */
    private CompletableFuture<SandboxProcess> next;
    private Key nextKey;
    private Path lastDirectory;

    /** What makes two JVMs interchangeable (not their working folder: tests are told where to write). */
    private record Key(SandboxSettings settings, List<Path> classpath) {
    }

    /**
     * Starts a JVM now, in the background, for the first request: its start then overlaps with the compilation.
     *
     * @return this pool
     */
    WarmSandbox prestart(SandboxSettings settings, List<Path> classpath, Path directory) {
        nextKey = new Key(settings, List.copyOf(classpath));
        next = start(settings, classpath, directory);
        return this;
    }

    private static CompletableFuture<SandboxProcess> start(SandboxSettings settings, List<Path> classpath,
                                                           Path directory) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SandboxPool.ready(SandboxProcess.start(settings, classpath, directory), settings);
            } catch (IOException e) {
                return null; // the next acquire starts one itself, and reports why if it cannot
            }
        });
    }

    @Override
    public SandboxProcess acquire(SandboxSettings settings, List<Path> classpath, Path directory)
        throws IOException {
        Key key = new Key(settings, List.copyOf(classpath));
        lastDirectory = directory;
        SandboxProcess waiting = take();
        if (waiting != null && waiting.alive() && Objects.equals(nextKey, key)) {
            return waiting;
        }
        if (waiting != null) {
            waiting.kill();
        }
        nextKey = key;
        return SandboxPool.ready(SandboxProcess.start(settings, classpath, directory), settings);
    }

    @Override
    public void release(SandboxProcess jvm, boolean reusable) {
        SandboxProcess stale = take();
        if (stale != null) {
            stale.close();
        }
        if (reusable && jvm.alive()) {
            next = CompletableFuture.completedFuture(jvm);
            return;
        }
        jvm.kill();
        Key key = nextKey;
        if (key != null) {
            // the next run should not wait for a JVM to start
            next = start(key.settings(), key.classpath(), lastDirectory);
        }
    }

    /** The waiting JVM, once it is ready, or {@code null}. */
    private SandboxProcess take() {
        CompletableFuture<SandboxProcess> f = next;
        next = null;
        if (f == null) {
            return null;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Ends the waiting JVM, without waiting for one still starting (it ends itself once its grader is gone). */
    @Override
    public void close() {
        CompletableFuture<SandboxProcess> f = next;
        next = null;
        if (f != null) {
            f.thenAccept(jvm -> {
                if (jvm != null) {
                    jvm.kill();
                }
            });
        }
    }
}
