package calculus.grader.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.objectweb.asm.Type;

/**
 * The allow-list of JDK classes and members, read from {@code allowed-api.txt} beside this class: what student code
 * may use, what the compiler may generate for it, and the reasons given for what it may not.
 *
 * <p>The file's own header describes its format. This class answers questions about single classes; walking a
 * member up to the class that declares it is {@link ApiCheck}'s part.
 */
final class ApiRules {

    /** The resource, beside this class. */
    static final String RESOURCE = "allowed-api.txt";

    /** The kinds of section; see the file's header. */
    enum Section {
        /** API a student writes: one row of the README's table. */
        AREA,
        /** What javac generates: allowed, not shown. */
        HIDDEN,
        /** The bootstrap methods invokedynamic may name. */
        BOOTSTRAPS
    }

    /**
     * One member pattern of a line: {@code *}, {@code name} or {@code name(A,B)}.
     *
     * @param name       a field or method name, {@code <init>} for constructors, or {@code *}
     * @param parameters the parameter types' names, simple or qualified, when one overload is meant; else null
     */
    record MemberPattern(String name, List<String> parameters) {

        static final String ALL = "*";

        boolean isAll() {
            return name.equals(ALL);
        }

        /** Whether a member, given by name and JVM descriptor, is one this pattern names. */
        boolean matches(String member, String descriptor) {
            if (!isAll() && !name.equals(member)) {
                return false;
            }
            return parameters == null || descriptor.startsWith("(") && parametersMatch(descriptor);
        }

        private boolean parametersMatch(String descriptor) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            if (arguments.length != parameters.size()) {
                return false;
            }
            for (int i = 0; i < arguments.length; i++) {
                String name = arguments[i].getClassName(); // java.util.Map$Entry, double[]
                String qualified = name.replace('$', '.');
                String simple = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
                String wanted = parameters.get(i);
                if (!wanted.equals(qualified) && !wanted.equals(simple)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return parameters == null ? name : name + "(" + String.join(",", parameters) + ")";
        }
    }

    /**
     * One line of the file.
     *
     * @param section the kind of section it is in
     * @param area    the section's title
     * @param target  a class's binary name ({@code java.util.Map$Entry}) or a package ({@code java.util.function.*})
     * @param members what the line allows, or what it refuses
     * @param refuses whether the line refuses (its members were written with {@code !})
     * @param why     the comment, or on a refusing line the reason a student reads
     * @param instead on a refusing line, what to write instead; else empty
     */
    record Rule(Section section, String area, String target, List<MemberPattern> members, boolean refuses,
                String why, String instead) {

        private static final String PACKAGE_SUFFIX = ".*";

        boolean isPackage() {
            return target.endsWith(PACKAGE_SUFFIX);
        }

        /** Whether the line speaks for a class: it names the class, or the package the class is in. */
        boolean covers(String className) {
            if (isPackage()) {
                return packageOf(className).equals(target.substring(0, target.length() - PACKAGE_SUFFIX.length()));
            }
            return target.equals(className);
        }

        /** Whether the line refuses the whole of its target ({@code !*}) rather than named members. */
        boolean refusesAll() {
            return refuses && members.stream().anyMatch(MemberPattern::isAll);
        }

        boolean names(String member, String descriptor) {
            return members.stream().anyMatch(m -> m.matches(member, descriptor));
        }
    }

    private static final Pattern SECTION = Pattern.compile("\\[(area|hidden|bootstraps):\\s*(.+)]");
    private static final Pattern MEMBER = Pattern.compile("(!?)([\\w$<>]+|\\*)(?:\\(([\\w.$\\[\\],]*)\\))?");
    private static final Pattern TARGET = Pattern.compile("[a-z][\\w]*(\\.[\\w$]+)*(\\.\\*)?");

    private static final ApiRules COURSE = load();

    private final List<Rule> rules;

    private ApiRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The course's allow-list, read once. */
    static ApiRules course() {
        return COURSE;
    }

    private static ApiRules load() {
        try (InputStream in = ApiRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the allow-list " + RESOURCE + " is missing from the grader");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("the allow-list " + RESOURCE + " could not be read", e);
        }
    }

    /**
     * Reads an allow-list.
     *
     * @param lines the file's lines
     * @return the rules, in the file's order
     * @throws IllegalStateException naming the line, when a line breaks the format
     */
    static ApiRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        Section section = null;
        String area = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = Section.valueOf(header.group(1).toUpperCase(Locale.ROOT));
                area = header.group(2).strip();
            } else if (section == null) {
                throw malformed(i, line, "a rule before the first [section]");
            } else {
                rules.add(rule(section, area, line, i));
            }
        }
        return new ApiRules(rules);
    }

    private static Rule rule(Section section, String area, String line, int index) {
        int hash = line.indexOf('#');
        String body = (hash < 0 ? line : line.substring(0, hash)).strip();
        String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
        String[] words = body.split("\\s+");
        if (words.length < 2 || !TARGET.matcher(words[0]).matches()) {
            throw malformed(index, line, "expected a class or package, then at least one member");
        }
        List<MemberPattern> members = new ArrayList<>();
        int refused = 0;
        for (int w = 1; w < words.length; w++) {
            Matcher m = MEMBER.matcher(words[w]);
            if (!m.matches()) {
                throw malformed(index, line, "\"" + words[w] + "\" is not a member");
            }
            refused += m.group(1).isEmpty() ? 0 : 1;
            members.add(new MemberPattern(m.group(2), m.group(3) == null ? null : parameters(m.group(3))));
        }
        if (refused != 0 && refused != members.size()) {
            throw malformed(index, line, "a line either allows or refuses: every member with !, or none");
        }
        boolean refuses = refused > 0;
        if (refuses && (section == Section.BOOTSTRAPS || comment.isEmpty())) {
            throw malformed(index, line, "a refusal needs a reason (# why | instead) and has no place among bootstraps");
        }
        int bar = comment.indexOf('|');
        String why = refuses && bar >= 0 ? comment.substring(0, bar).strip() : comment;
        String instead = refuses && bar >= 0 ? comment.substring(bar + 1).strip() : "";
        return new Rule(section, area, words[0], List.copyOf(members), refuses, why, instead);
    }

    private static List<String> parameters(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    private static IllegalStateException malformed(int index, String line, String problem) {
        return new IllegalStateException(RESOURCE + " line " + (index + 1) + ": " + problem + ": " + line);
    }

    // ---- questions about one class

    /** Every rule, in the file's order. */
    List<Rule> rules() {
        return rules;
    }

    /** Whether code may name a class at all: some line (not a bootstrap) allows something of it. */
    boolean allowsType(String className) {
        return rules.stream().anyMatch(r -> isApi(r) && !r.refuses() && r.covers(className));
    }

    /** Whether a line allows a member, as declared or inherited by a class; refusals are {@link #refusal}'s. */
    boolean allowsMember(String className, String member, String descriptor) {
        return rules.stream().anyMatch(r -> isApi(r) && !r.refuses() && r.covers(className)
            && r.names(member, descriptor));
    }

    /** The line that refuses a member by name on one of these classes, if any: it holds on their subtypes too. */
    Optional<Rule> refusal(Collection<String> classNames, String member, String descriptor) {
        return rules.stream().filter(r -> r.refuses() && !r.refusesAll() && r.names(member, descriptor)
            && classNames.stream().anyMatch(r::covers)).findFirst();
    }

    /**
     * The reason given for refusing a class: the {@code !*} line on the class, else on a class it is nested in,
     * else on its package.
     */
    Optional<Rule> classRefusal(String className) {
        for (String c = className; ; c = c.substring(0, c.lastIndexOf('$'))) {
            Optional<Rule> exact = refusingAll(c, false);
            if (exact.isPresent() || c.lastIndexOf('$') < 0) {
                return exact.or(() -> refusingAll(className, true));
            }
        }
    }

    private Optional<Rule> refusingAll(String className, boolean byPackage) {
        return rules.stream().filter(r -> r.refusesAll() && r.isPackage() == byPackage && r.covers(className))
            .findFirst();
    }

    /** Whether an invokedynamic instruction may name this bootstrap method. */
    boolean allowsBootstrap(String className, String method) {
        return rules.stream().anyMatch(r -> r.section() == Section.BOOTSTRAPS && r.covers(className)
            && r.members().stream().anyMatch(m -> m.isAll() || m.name().equals(method)));
    }

    private static boolean isApi(Rule rule) {
        return rule.section() != Section.BOOTSTRAPS;
    }

    /** The package of a class given by its binary name, or "" for the default package. */
    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
