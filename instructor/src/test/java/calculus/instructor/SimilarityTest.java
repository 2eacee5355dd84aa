package calculus.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import calculus.grader.engine.Course;

/** The similarity report flags a planted copied pair, and not the pairs written apart. */
class SimilarityTest {

    private static final Path COURSE = Path.of("..").toAbsolutePath().normalize();
    private static final String MODULE = "01-derivatives";

    private static final String STATS = """
        package calculus.derivatives;

        final class Stats {
            static double mean(double[] values) {
                double sum = 0;
                for (int i = 0; i < values.length; i++) {
                    sum += values[i];
                }
                return sum / values.length;
            }

            static double variance(double[] values) {
                double m = mean(values);
                double total = 0;
                for (double v : values) {
                    double d = v - m;
                    total += d * d;
                }
                return total / (values.length - 1);
            }

            static double max(double[] values) {
                double best = values[0];
                for (int i = 1; i < values.length; i++) {
                    if (values[i] > best) {
                        best = values[i];
                    }
                }
                return best;
            }
        }
        """;

    private static final String PRIMES = """
        package calculus.derivatives;

        final class Primes {
            static boolean[] sieve(int n) {
                boolean[] composite = new boolean[n + 1];
                for (int p = 2; (long) p * p <= n; p++) {
                    if (!composite[p]) {
                        for (int k = p * p; k <= n; k += p) {
                            composite[k] = true;
                        }
                    }
                }
                return composite;
            }

            static int count(int n) {
                boolean[] c = sieve(n);
                int found = 0;
                for (int i = 2; i <= n; i++) {
                    found += c[i] ? 0 : 1;
                }
                return found;
            }
        }
        """;

    private static final String WORDS = """
        package calculus.derivatives;

        final class Words {
            static String reverse(String s) {
                StringBuilder out = new StringBuilder();
                String[] parts = s.split(" ");
                for (int i = parts.length - 1; i >= 0; i--) {
                    out.append(parts[i]);
                    if (i > 0) {
                        out.append(' ');
                    }
                }
                return out.toString();
            }

            static int vowels(String s) {
                int n = 0;
                for (char ch : s.toCharArray()) {
                    switch (Character.toLowerCase(ch)) {
                        case 'a', 'e', 'i', 'o', 'u' -> n++;
                        default -> { }
                    }
                }
                return n;
            }
        }
        """;

    /** STATS with every name changed and its comments rewritten: a copy all the same. */
    private static final String STATS_RENAMED = STATS.replace("Stats", "Numbers").replace("values", "xs")
        .replace("mean", "average").replace("variance", "spread").replace("total", "acc").replace("best", "top")
        .replace("sum", "s").replace(" m ", " mu ").replace("(m)", "(mu)").replace("- m", "- mu");

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("of four students, the pair that copied (names changed) is first and flagged, the others are not; "
        + "JPlag's report is written beside")
    void flagsThePlantedPair() throws IOException {
        assumeTrue(Files.isDirectory(COURSE.resolve("solutions")), "no solutions/: a student copy");
        Path subs = temp.resolve("subs");
        write(subs, "ann", "Stats.java", STATS);
        write(subs, "ben", "Primes.java", PRIMES);
        write(subs, "cat", "Words.java", WORDS);
        write(subs, "dan", "Numbers.java", STATS_RENAMED);
        Path out = temp.resolve("out");

        List<Similarity.Pair> pairs = Similarity.compare(new Course(COURSE), GradeClass.students(subs), out,
            out.resolve("similarity"), MODULE);

        assertThat(pairs).hasSize(6);
        assertThat(pairs.get(0).first()).isEqualTo("ann");
        assertThat(pairs.get(0).second()).isEqualTo("dan");
        assertThat(pairs.get(0).similarity()).isGreaterThan(0.8);
        assertThat(pairs.subList(1, 6)).allMatch(p -> p.similarity() < 0.5);
        assertThat(out.resolve("similarity").resolve(MODULE + ".zip")).isNotEmptyFile();

        String md = Similarity.report(COURSE, GradeClass.students(subs), out, List.of(MODULE), 3);
        assertThat(md).contains("### " + MODULE).contains("| ann, dan |");
    }

    private static void write(Path subs, String student, String file, String text) throws IOException {
        Path dir = subs.resolve(student).resolve(MODULE).resolve("src/main/java/calculus/derivatives");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), text);
    }
}
