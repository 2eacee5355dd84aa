package calculus.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The instructor tools' one command-line parser: {@code --name value} options and {@code --flag} switches, each
 * known by name; anything else (an unknown option, a missing value, an option given twice, a stray argument) is a
 * usage error, which the tools report with exit code 2 before they touch a file. Also the checks of arguments that
 * name folders and modules, shared by every tool that writes or grades.
 */
final class Args {

    /** Wrong usage: the tool prints the message and exits with code 2, having changed nothing. */
    static final class UsageError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** The exit code of wrong usage. */
    static final int USAGE = 2;

    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> positional;

    private Args(Map<String, String> values, Set<String> flags, List<String> positional) {
        this.values = values;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * Parses a command line.
     *
     * @param args       the arguments
     * @param options    the options that take a value ({@code "out"} for {@code --out DIR})
     * @param switches   the options that take none ({@code "force"} for {@code --force})
     * @param positional how many plain arguments are allowed
     */
    static Args parse(String[] args, Set<String> options, Set<String> switches, int positional) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (options.contains(name)) {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageError("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (values.put(name, value) != null) {
                        throw new UsageError("--" + name + " is given twice");
                    }
                } else if (switches.contains(name) && inline == null) {
                    flags.add(name);
                } else {
                    List<String> known = new ArrayList<>();
                    new java.util.TreeSet<>(options).forEach(o -> known.add("--" + o));
                    new java.util.TreeSet<>(switches).forEach(o -> known.add("--" + o));
                    throw new UsageError("unknown option " + a + "; the options are " + String.join(", ", known));
                }
            } else {
                plain.add(a);
            }
        }
        if (plain.size() > positional) {
            throw new UsageError("unexpected argument \"" + plain.get(positional) + "\"");
        }
        return new Args(values, flags, plain);
    }

    /** A required option's value. */
    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageError("--" + name + " is required");
        }
        return v;
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name) || flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }

    private static final Pattern MODULE_NAME = Pattern.compile("[0-9]{2}-[a-z0-9-]+");

    /**
     * The modules a comma-separated list names, each checked: no empty name, no path, only the course's modules.
     *
     * @param list the list, or {@code null} for every module
     * @param all  the course's modules
     */
    static List<String> modules(String list, List<String> all) {
        if (list == null) {
            return all;
        }
        List<String> modules = new ArrayList<>();
        for (String m : list.split(",", -1)) {
            String name = m.strip();
            if (name.isEmpty()) {
                throw new UsageError("an empty module name in --modules \"" + list + "\"; the modules are "
                    + String.join(", ", all));
            }
            if (!MODULE_NAME.matcher(name).matches() || !all.contains(name)) {
                throw new UsageError("no module \"" + name + "\"; the modules are " + String.join(", ", all));
            }
            if (!modules.contains(name)) {
                modules.add(name);
            }
        }
        return List.copyOf(modules);
    }

    /**
     * A folder's real location: the real path of its nearest existing ancestor with the rest appended, so that
     * links are seen through before two folders are compared.
     */
    static Path real(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs).toString()).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Checks an output folder before a tool writes to it: not the course, not inside it (outside its build
     * folders, if allowed), not an ancestor of it, and not one of the given folders the tool reads or an ancestor
     * of them.
     *
     * @param what         what the folder is for, as the message names it ({@code "the output folder"})
     * @param out          the folder
     * @param course       the course
     * @param underTarget  whether a folder under the course's {@code target} folders is fine
     * @param inputs       folders the tool reads, which the output must not overlap
     */
    static void outsideCourse(String what, Path out, Path course, boolean underTarget, Path... inputs) {
        Path o = real(out);
        Path c = real(course);
        if (c.startsWith(o)) {
            throw new UsageError(what + " " + out + " is the course or a folder that holds it: refused");
        }
        if (o.startsWith(c) && !(underTarget && CourseFiles.isBuildOutput(c.relativize(o)))) {
            throw new UsageError(what + " must be outside the course" + (underTarget ? " (or under a target folder)"
                : "") + ", got " + out);
        }
        for (Path input : inputs) {
            Path i = real(input);
            if (i.startsWith(o) || o.startsWith(i)) {
                throw new UsageError(what + " " + out + " overlaps " + input + ", which the tool reads: refused");
            }
        }
    }

    /** Whether a folder is missing or holds nothing. */
    static boolean emptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageError(dir + " is not a folder");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }
}
