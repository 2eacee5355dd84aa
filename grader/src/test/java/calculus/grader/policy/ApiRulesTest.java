package calculus.grader.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import calculus.grader.policy.ApiRules.MemberPattern;
import calculus.grader.policy.ApiRules.Rule;
import calculus.grader.policy.ApiRules.Section;

/** The allow-list file: its format, and that every class, package and member it names exists in the JDK. */
class ApiRulesTest {

    /** Named on the list for newer JDKs' javac; the oldest JDK the course runs on (17) has no such class. */
    private static final Set<String> NEWER_THAN_17 = Set.of("java.lang.MatchException");

    @Test
    @DisplayName("every class on the list exists in this JDK, but those kept for newer javac versions")
    void classesExist() {
        List<String> missing = new ArrayList<>();
        for (Rule r : ApiRules.course().rules()) {
            if (!r.isPackage() && !NEWER_THAN_17.contains(r.target()) && load(r.target()) == null) {
                missing.add(r.target());
            }
        }
        assertThat(missing).as("classes named on the list that this JDK does not have (a typo?)").isEmpty();
    }

    @Test
    @DisplayName("every package on the list is a package of this JDK")
    void packagesExist() {
        Set<String> packages = ModuleLayer.boot().modules().stream().flatMap(m -> m.getPackages().stream())
            .collect(Collectors.toSet());
        List<String> missing = ApiRules.course().rules().stream().filter(Rule::isPackage)
            .map(r -> r.target().substring(0, r.target().length() - 2)).filter(p -> !packages.contains(p)).toList();

        assertThat(missing).as("packages named on the list that this JDK does not have (a typo?)").isEmpty();
    }

    @Test
    @DisplayName("every member named on the list is a field, a method or the constructors of its class")
    void membersExist() {
        List<String> missing = new ArrayList<>();
        for (Rule r : ApiRules.course().rules()) {
            Class<?> type = r.isPackage() ? null : load(r.target());
            for (MemberPattern m : r.members()) {
                if (type != null && !m.isAll() && !hasMember(type, m.name())) {
                    missing.add(r.target() + "." + m);
                }
            }
        }
        assertThat(missing).as("members named on the list that their class does not have (a typo?)").isEmpty();
    }

    @Test
    @DisplayName("the list has the sections the README and the policy rely on, and a reason on every refusal")
    void sections() {
        List<Rule> rules = ApiRules.course().rules();

        assertThat(rules).extracting(Rule::section).contains(Section.AREA, Section.HIDDEN, Section.BOOTSTRAPS);
        assertThat(rules).filteredOn(Rule::refuses).allSatisfy(r -> assertThat(r.why()).isNotBlank());
        assertThat(ApiRules.course().allowsBootstrap("java.lang.invoke.LambdaMetafactory", "metafactory")).isTrue();
        assertThat(ApiRules.course().allowsType("java.lang.invoke.LambdaMetafactory"))
            .as("a bootstrap method is for invokedynamic only, not for student code to call").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "java.lang.Math *;                         rule before the first section; a rule before the first [section]",
        "[area: x]%njava.lang.Math;                a class without members;       at least one member",
        "[area: x]%nMath *;                        a class by its simple name;     expected a class or package",
        "[area: x]%njava.lang.Math abs !random # a; allowing and refusing at once; either allows or refuses",
        "[area: x]%njava.lang.Math !random;         a refusal without a reason;     a refusal needs a reason",
        "[bootstraps: x]%njava.lang.A !b # c;       a refusal among bootstraps;     no place among bootstraps",
        "[area: x]%njava.lang.Math a-b;             a member that is not a name;    is not a member",
    })
    @DisplayName("a malformed line is an error naming the line, never a rule quietly dropped")
    void malformed(String text, String what, String message) {
        List<String> lines = List.of(String.format(text).split("\n"));

        assertThatThrownBy(() -> ApiRules.parse(lines)).as(what).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("line " + lines.size()).hasMessageContaining(message);
    }

    @Test
    @DisplayName("a refusing line's comment is why, then after | what to do instead")
    void refusalReason() {
        Rule r = ApiRules.parse(List.of("[area: text]", "java.util.Locale !setDefault # changes the JVM | pass one"))
            .rules().get(0);

        assertThat(r).isEqualTo(new Rule(Section.AREA, "text", "java.util.Locale",
            List.of(new MemberPattern("setDefault", null)), true, "changes the JVM", "pass one"));
    }

    @ParameterizedTest(name = "{0} names {1}{2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "*|                             anything|        ()V|                        true",
        "abs|                           abs|             (D)D|                       true",
        "abs|                           abs|             (I)I|                       true",
        "abs|                           max|             (DD)D|                      false",
        "<init>()|                      <init>|          ()V|                        true",
        "<init>()|                      <init>|          (J)V|                       false",
        "printStackTrace(PrintStream)|  printStackTrace| (Ljava/io/PrintStream;)V|   true",
        "printStackTrace(PrintStream)|  printStackTrace| (Ljava/io/PrintWriter;)V|   false",
        "printStackTrace(PrintStream)|  printStackTrace| ()V|                        false",
        "shuffle(java.util.List)|       shuffle|         (Ljava/util/List;)V|        true",
        "put(Map.Entry)|                put|             (Ljava/util/Map$Entry;)V|   true",
        "copy(double[])|                copy|            ([D)V|                      true",
        "ROOT(Locale)|                  ROOT|            Ljava/util/Locale;|         false",
    })
    @DisplayName("a member pattern names a member by name, and one overload by its parameters' simple names")
    void memberPatterns(String pattern, String name, String descriptor, boolean expected) {
        Rule rule = ApiRules.parse(List.of("[area: x]", "java.lang.Object " + pattern)).rules().get(0);

        assertThat(rule.names(name, descriptor)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a class's refusal is found on the class, then a class it is nested in, then its package")
    void classRefusals() {
        ApiRules rules = ApiRules.parse(List.of("[area: x]", "a.b.C !* # c", "a.b.* !* # package",
            "a.b.D$E !* # e"));

        assertThat(rules.classRefusal("a.b.C$Inner").map(Rule::why)).contains("c");
        assertThat(rules.classRefusal("a.b.D$E$F").map(Rule::why)).contains("e");
        assertThat(rules.classRefusal("a.b.D").map(Rule::why)).contains("package");
        assertThat(rules.classRefusal("a.b.sub.G")).as("a package line is that package only, as an import")
            .isEmpty();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Whether a class has, declared or inherited, a field or method of that name, or constructors. */
    private static boolean hasMember(Class<?> type, String name) {
        if (name.equals("<init>")) {
            return type.getDeclaredConstructors().length > 0;
        }
        return JdkTypes.supertypes(type).stream().anyMatch(c -> Stream.concat(
                Arrays.stream(c.getDeclaredMethods()).map(Method::getName),
                Arrays.stream(c.getDeclaredFields()).map(Field::getName))
            .anyMatch(name::equals));
    }
}
