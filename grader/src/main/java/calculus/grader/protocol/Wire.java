package calculus.grader.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The line format between the grader and its test JVM: one JSON object per line, events marked with a prefix so
 * that anything else the JVM itself prints (a warning of its own) is told apart.
 */
public final class Wire {

    /** Marks an event line. */
    public static final String PREFIX = "@calculus-event ";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Wire() {
    }

    /** An event as one line, without the line break. */
    public static String line(Event event) {
        return PREFIX + GSON.toJson(event);
    }

    /** A request as one line, without the line break. */
    public static String line(RunRequest request) {
        return GSON.toJson(request);
    }

    /**
     * The event on a line, or {@code null} if the line is not an event.
     *
     * @throws IllegalArgumentException if the line is marked as an event but is not one
     */
    public static Event event(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return null;
        }
        Event e;
        try {
            e = GSON.fromJson(line.substring(PREFIX.length()), Event.class);
        } catch (RuntimeException x) {
            // not JSON, or JSON that the record's constructor refuses (Gson wraps what it throws)
            throw new IllegalArgumentException("not an event: " + x.getMessage(), x);
        }
        if (e == null || e.type() == null) {
            throw new IllegalArgumentException("an event without a type: " + line);
        }
        return e;
    }

    /**
     * The request on a line.
     *
     * @throws IllegalArgumentException if the line is not a request
     */
    public static RunRequest request(String line) {
        RunRequest r;
        try {
            r = GSON.fromJson(line, RunRequest.class);
        } catch (RuntimeException e) {
            // not JSON, or JSON that the record's constructor refuses ({} has no lists: Gson wraps the NPE)
            throw new IllegalArgumentException("not a run request: " + e.getMessage(), e);
        }
        if (r == null || r.testClasses() == null) {
            throw new IllegalArgumentException("not a run request: " + line);
        }
        return r;
    }
}
