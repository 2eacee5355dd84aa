package calculus.grader.policy;

import static calculus.grader.policy.JavaFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The honest side: code of the kind the course's modules hold, written with everything javac turns into something
 * unusual in a class file (lambdas and method references, records, enums and switches, string concatenation,
 * assert, try-with-resources, inner, local and anonymous classes), must keep every rule. A false alarm here costs a
 * student a whole module.
 */
class HonestCodeTest {

    private static final String PACKAGE = "calculus.derivatives";

    private static final Map<String, String> UNITS = new LinkedHashMap<>();

    static {
        add("Point", """
            /** A record: toString, equals and hashCode come from an invokedynamic to ObjectMethods. */
            record Point(double x, double y) implements Comparable<Point> {
                Point {
                    if (!Double.isFinite(x) || !Double.isFinite(y)) {
                        throw new IllegalArgumentException("x and y must be finite, got x = " + x + ", y = " + y);
                    }
                }

                double norm() {
                    return Math.hypot(x, y);
                }

                @Override
                public int compareTo(Point other) {
                    return Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y).compare(this, other);
                }
            }
            """, "java.util.Comparator");
        add("Rule", """
            /** An enum with constant bodies, switched on as a statement, as an expression and by name. */
            enum Rule {
                FORWARD {
                    @Override
                    double order() {
                        return 1;
                    }
                },
                CENTRAL {
                    @Override
                    double order() {
                        return 2;
                    }
                };

                abstract double order();

                double derivative(DoubleUnaryOperator f, double x, double h) {
                    switch (this) {
                        case FORWARD:
                            return f.applyAsDouble(x + h) * h;
                        default:
                            return f.applyAsDouble(x - h) / (3 * h);
                    }
                }

                String describe() {
                    return switch (this) {
                        case FORWARD -> "first order";
                        case CENTRAL -> {
                            String s = "second";
                            yield s + " order";
                        }
                    };
                }

                static Rule parse(String name) {
                    switch (name) {
                        case "forward":
                            return FORWARD;
                        case "central":
                            return CENTRAL;
                        default:
                            return valueOf(name.toUpperCase(Locale.ROOT));
                    }
                }

                static int count() {
                    return values().length;
                }
            }
            """, "java.util.Locale", "java.util.function.DoubleUnaryOperator");
        add("Steps", """
            /** Assert, try-with-resources over its own resource, exceptions with causes, arrays and Math. */
            final class Steps {
                private Steps() {
                }

                /** Its own AutoCloseable, closed by try-with-resources. */
                static final class Counter implements AutoCloseable {
                    private long count;

                    void tick() {
                        count++;
                    }

                    @Override
                    public void close() {
                        assert count >= 0 : "a count is never negative, got " + count;
                    }
                }

                /** Its own exception, with a message and a cause. */
                static final class NotConverged extends RuntimeException {
                    private static final long serialVersionUID = 1L;

                    NotConverged(String message, Throwable cause) {
                        super(message, cause);
                    }
                }

                static double newton(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0) {
                    Objects.requireNonNull(f, "f");
                    double x = x0;
                    try (Counter steps = new Counter()) {
                        for (int i = 0; i < 50; i++) {
                            steps.tick();
                            double step = f.applyAsDouble(x) / df.applyAsDouble(x);
                            if (!Double.isFinite(step)) {
                                throw new ArithmeticException("the step is " + step + " at x = " + x);
                            }
                            x -= step;
                            if (Math.abs(step) <= 1e-12 * Math.max(1, Math.abs(x))) {
                                return x;
                            }
                        }
                    } catch (ArithmeticException e) {
                        throw new NotConverged("Newton's method failed: " + e.getMessage(), e);
                    }
                    throw new IllegalStateException("no convergence from x0 = " + x0);
                }

                static double[] smooth(double[] values) {
                    double[] copy = Arrays.copyOf(values, values.length);
                    double[] out = values.clone();
                    Arrays.fill(out, 0.0);
                    System.arraycopy(copy, 0, out, 0, copy.length);
                    Arrays.sort(out);
                    double sum = Arrays.stream(out).map(v -> Math.fma(v, v, Math.expm1(1e-9) + Math.log1p(1e-9)))
                        .sum();
                    if (Double.compare(sum, 0.0) < 0 || Double.doubleToLongBits(sum) == 0L) {
                        return new double[0];
                    }
                    return out;
                }

                static String table(double[] xs) {
                    StringBuilder text = new StringBuilder();
                    for (double x : xs) {
                        text.append(String.format(Locale.ROOT, "%8.3f%n", x));
                    }
                    text.setLength(Math.max(0, text.length() - 1));
                    System.out.println(text.charAt(0) + text.toString() + System.lineSeparator());
                    System.out.printf("%d values%n", xs.length);
                    System.err.println(String.join(", ", List.of("a", "b")));
                    return text.toString();
                }
            }
            """, "java.util.Arrays", "java.util.List", "java.util.Locale", "java.util.Objects",
            "java.util.function.DoubleUnaryOperator");
        add("Series", """
            /** Generics, an Iterable of its own with an anonymous Iterator, and an interface with default methods. */
            final class Series<T extends Comparable<T>> implements Iterable<T> {
                private final List<T> items = new ArrayList<>();

                /** An interface with a default and a private method. */
                interface Scaled {
                    double value();

                    default double twice() {
                        return scale(2);
                    }

                    private double scale(double k) {
                        return k * value();
                    }
                }

                /** An inner class: it reaches its outer instance. */
                final class Cursor {
                    int index;

                    T current() {
                        return items.get(index);
                    }
                }

                @SafeVarargs
                static <T extends Comparable<T>> Series<T> of(T... values) {
                    Series<T> s = new Series<>();
                    s.items.addAll(Arrays.asList(values));
                    Collections.sort(s.items);
                    return s;
                }

                Cursor cursor() {
                    return this.new Cursor();
                }

                Optional<T> largest() {
                    return items.stream().max(Comparator.naturalOrder());
                }

                @Override
                public Iterator<T> iterator() {
                    return new Iterator<T>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < items.size();
                        }

                        @Override
                        public T next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException("no item after index " + (next - 1));
                            }
                            return items.get(next++);
                        }
                    };
                }

                static double total(Series<Double> s) {
                    double sum = 0;
                    for (double v : s) {
                        sum += v;
                    }
                    Scaled local = () -> 21;
                    record Pair(String name, double value) {
                    }
                    class Local {
                        double half(double v) {
                            return v / 2;
                        }
                    }
                    Pair p = new Pair("total", new Local().half(sum) * 2);
                    return p.value() + local.twice() - 42;
                }
            }
            """, "java.util.ArrayList", "java.util.Arrays", "java.util.Collections", "java.util.Comparator",
            "java.util.Iterator", "java.util.List", "java.util.NoSuchElementException", "java.util.Optional");
        add("Pipelines", """
            /** Collections and sequential streams, lambdas and method references, seeded random numbers. */
            final class Pipelines {
                private Pipelines() {
                }

                static Map<Boolean, List<Double>> split(List<Double> values) {
                    return values.stream().collect(Collectors.partitioningBy(v -> v > 0));
                }

                static Map<String, Long> counts(List<String> words) {
                    Map<String, Long> byWord = new HashMap<>();
                    for (String w : words) {
                        byWord.merge(w, 1L, Long::sum);
                    }
                    Map<String, Long> sorted = new TreeMap<>(byWord);
                    sorted.putAll(new LinkedHashMap<>(byWord));
                    for (Map.Entry<String, Long> e : sorted.entrySet()) {
                        e.getKey().length();
                    }
                    return sorted;
                }

                static double[] slopes(RandomGenerator random, int n) {
                    DoubleUnaryOperator f = Math::sin;
                    DoubleBinaryOperator g = Math::hypot;
                    return IntStream.range(0, n).mapToDouble(i -> random.nextDouble(-1, 1))
                        .map(x -> f.applyAsDouble(x) + g.applyAsDouble(x, 1)).toArray();
                }

                static List<Point> points(long seed, int n) {
                    Random random = new Random(seed);
                    SplittableRandom other = new SplittableRandom(seed);
                    List<Point> points = new ArrayList<>();
                    IntStream.range(0, n).forEach(i -> points.add(new Point(random.nextGaussian(),
                        other.nextDouble())));
                    points.sort(Comparator.comparingDouble(Point::x).reversed());
                    Deque<Point> stack = new ArrayDeque<>(points);
                    Set<Point> seen = new HashSet<>(stack);
                    PriorityQueue<Point> queue = new PriorityQueue<>(Comparator.comparingDouble(Point::norm));
                    queue.addAll(seen);
                    Map<Point, Integer> ids = new IdentityHashMap<>();
                    queue.forEach(p -> ids.put(p, ids.size()));
                    return points.stream().filter(p -> ids.containsKey(p)).sorted().collect(Collectors.toList());
                }

                static String summary(double[] values) {
                    DoubleSummaryStatistics stats = DoubleStream.of(values).summaryStatistics();
                    OptionalDouble mean = Arrays.stream(values).average();
                    String joined = Arrays.stream(values).mapToObj(Double::toString)
                        .collect(Collectors.joining(", ", "[", "]"));
                    values.toString();
                    return joined + " " + stats.getMax() + " " + mean.orElse(Double.NaN) + " "
                        + Stream.iterate(1, i -> i * 2).limit(4).map(String::valueOf).toList();
                }

                static void print(List<String> lines) {
                    lines.forEach(System.out::println);
                    Supplier<List<String>> fresh = ArrayList::new;
                    Function<Integer, double[]> arrays = double[]::new;
                    fresh.get().addAll(lines);
                    arrays.apply(3);
                }
            }
            """, "java.util.ArrayDeque", "java.util.ArrayList", "java.util.Arrays", "java.util.Comparator",
            "java.util.Deque", "java.util.DoubleSummaryStatistics", "java.util.HashMap", "java.util.HashSet",
            "java.util.IdentityHashMap", "java.util.LinkedHashMap", "java.util.List", "java.util.Map",
            "java.util.OptionalDouble", "java.util.PriorityQueue", "java.util.Random", "java.util.Set",
            "java.util.SplittableRandom", "java.util.TreeMap", "java.util.function.DoubleBinaryOperator",
            "java.util.function.DoubleUnaryOperator", "java.util.function.Function",
            "java.util.function.Supplier", "java.util.random.RandomGenerator", "java.util.stream.Collectors",
            "java.util.stream.DoubleStream", "java.util.stream.IntStream", "java.util.stream.Stream");
        add("Shapes", """
            /** A sealed interface, pattern matching for instanceof, a skeleton's stub, and objects' own methods. */
            sealed interface Shapes permits Shapes.Circle, Shapes.Square {
                double area();

                record Circle(double r) implements Shapes {
                    @Override
                    public double area() {
                        return Math.PI * r * r;
                    }
                }

                record Square(double side) implements Shapes {
                    @Override
                    public double area() {
                        return side * side;
                    }
                }

                static String name(Object shape) {
                    if (shape instanceof Circle c && c.r() > 0) {
                        return c.getClass().getSimpleName() + " " + Objects.hash(c.r()) + " "
                            + System.identityHashCode(c);
                    }
                    return String.valueOf(shape);
                }

                static double todo() {
                    // TODO(Task 1.1): as a skeleton does
                    throw new UnsupportedOperationException("Task 1.1: Shapes.todo");
                }

                static BigDecimal exact(double x) {
                    return new BigDecimal(x).round(new MathContext(5, RoundingMode.HALF_EVEN));
                }
            }
            """, "java.math.BigDecimal", "java.math.MathContext", "java.math.RoundingMode", "java.util.Objects");
    }

    private static void add(String simpleName, String body, String... imports) {
        StringBuilder unit = new StringBuilder();
        for (String i : imports) {
            unit.append("import ").append(i).append(";\n");
        }
        UNITS.put(PACKAGE + "." + simpleName, unit(PACKAGE + "." + simpleName, unit.append("\n").append(body)
            .toString()));
    }

    private static Path classes;

    @BeforeAll
    static void compile(@TempDir Path dir) throws IOException {
        classes = dir.resolve("classes");
        JavaFixtures.compile(dir.resolve("src"), classes, UNITS);
    }

    @Test
    @DisplayName("honest code keeps every rule: lambdas, records, enums, switches, collections, streams, Math...")
    void honestCodePasses() {
        List<Violation> found = CodePolicy.check(classes, Set.of(PACKAGE), Set.of(PACKAGE + ".RuleTest"));

        assertThat(found).extracting(Violation::message).isEmpty();
    }

    @Test
    @DisplayName("the fixtures compile to what makes them telling: nested, anonymous, local and enum-constant classes")
    void fixturesCoverTheUnusualClassFiles() {
        assertThat(CodePolicy.classNames(classes)).contains(PACKAGE + ".Rule$1", PACKAGE + ".Series$1",
            PACKAGE + ".Series$1Local", PACKAGE + ".Series$1Pair", PACKAGE + ".Series$Cursor",
            PACKAGE + ".Steps$Counter", PACKAGE + ".Shapes$Circle");
    }
}
