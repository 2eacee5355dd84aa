package calculus.grader.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import calculus.grader.policy.ApiRules.MemberPattern;
import calculus.grader.policy.ApiRules.Rule;
import calculus.grader.policy.ApiRules.Section;

/**
 * The allow-list as students read it: one Markdown table row per area of {@code allowed-api.txt}, with what the
 * area allows and what it refuses, so that the README's "Rules for your code" is rendered from the list the grader
 * enforces, not kept beside it by hand.
 */
final class RulesTable {

    static final String HEADER = "| area | classes and members | not allowed |\n|---|---|---|\n";
    /** The cell of an area that allows nothing: the last one, which lists refusals only. */
    private static final String NOTHING_ELSE = "nothing else: a class or member not listed above is refused";
    private static final String CONSTRUCTOR = "<init>";

    private RulesTable() {
    }

    /** The table, one row per area in the file's order, ending in a line break. */
    static String render(ApiRules rules) {
        Map<String, List<Rule>> areas = new LinkedHashMap<>();
        for (Rule r : rules.rules()) {
            if (r.section() == Section.AREA) {
                areas.computeIfAbsent(r.area(), k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder table = new StringBuilder(HEADER);
        areas.forEach((area, lines) -> table.append("| ").append(area).append(" | ")
            .append(cell(lines, false, rules)).append(" | ").append(cell(lines, true, rules)).append(" |\n"));
        return table.toString();
    }

    private static String cell(List<Rule> lines, boolean refusing, ApiRules rules) {
        String cell = lines.stream().filter(r -> r.refuses() == refusing).map(r -> entry(r, rules))
            .collect(Collectors.joining(", "));
        return cell.isEmpty() && !refusing ? NOTHING_ELSE : cell;
    }

    /** One line of the file as a student reads it: {@code `Math`}, {@code `System` (`out`, `err`)}... */
    private static String entry(Rule rule, ApiRules rules) {
        String target = shown(rule);
        if (rule.refusesAll()) {
            // a class or package some line allows in part (Class.getName, java.io.PrintStream) is refused for the rest
            return partlyAllowed(rule, rules) ? "the rest of `" + target + "`" : "`" + target + "`";
        }
        if (rule.refuses()) {
            return rule.members().stream().map(m -> "`" + member(target, m) + "`").collect(Collectors.joining(", "));
        }
        if (rule.members().stream().anyMatch(MemberPattern::isAll)) {
            return "`" + target + "`";
        }
        return "`" + target + "` (" + rule.members().stream().map(m -> "`" + bare(m) + "`")
            .collect(Collectors.joining(", ")) + ")";
    }

    private static boolean partlyAllowed(Rule refusal, ApiRules rules) {
        if (!refusal.isPackage()) {
            return rules.allowsType(refusal.target());
        }
        return rules.rules().stream().anyMatch(r -> r.section() != Section.BOOTSTRAPS && !r.refuses()
            && !r.isPackage() && refusal.covers(r.target()));
    }

    /** A class by its simple name ({@code Map.Entry}), a package by its name and {@code .*}. */
    private static String shown(Rule rule) {
        if (rule.isPackage()) {
            return rule.target();
        }
        String simple = rule.target().substring(ApiRules.packageOf(rule.target()).length() + 1);
        return ApiCheck.shown(simple);
    }

    /** A member of a class: {@code Integer.getInteger}, {@code new Random()}, {@code new PrintStream(...)}. */
    private static String member(String target, MemberPattern m) {
        String parameters = m.parameters() == null ? "" : "(" + String.join(", ", m.parameters()) + ")";
        if (m.name().equals(CONSTRUCTOR)) {
            return "new " + target + (parameters.isEmpty() ? "(...)" : parameters);
        }
        return target + "." + m.name() + parameters;
    }

    private static String bare(MemberPattern m) {
        return m.name().equals(CONSTRUCTOR) ? "new" : m.toString();
    }
}
