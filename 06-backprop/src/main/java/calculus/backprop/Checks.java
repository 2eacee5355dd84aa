package calculus.backprop;

import java.util.List;

/** Input checks shared by the classes of this package: each names the parameter and the offending value. */
final class Checks {

    private Checks() {
    }

    static void nonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + name + " = " + value);
        }
    }

    static void positiveFinite(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + name + " = " + value);
        }
    }

    /** A list of exactly {@code size} non-null values. */
    static void inputs(String name, List<Value> x, int size) {
        nonNull(name, x);
        if (x.size() != size) {
            throw new IllegalArgumentException(name + " must have " + size + " entries, got " + x.size());
        }
        for (int i = 0; i < size; i++) {
            if (x.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
    }

    /**
     * A matrix with at least one row, every row of length {@code columns} (any length if {@code columns} &lt; 0)
     * and finite entries. Returns the number of columns.
     */
    static int matrix(String name, double[][] m, int columns) {
        nonNull(name, m);
        if (m.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, got 0 rows");
        }
        int width = columns;
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null) {
                throw new IllegalArgumentException(name + "[" + r + "] must not be null");
            }
            if (width < 0) {
                width = m[r].length;
            }
            if (m[r].length != width) {
                throw new IllegalArgumentException(name + "[" + r + "] has " + m[r].length + " columns, expected "
                    + width);
            }
            for (int c = 0; c < width; c++) {
                if (!Double.isFinite(m[r][c])) {
                    throw new IllegalArgumentException(name + "[" + r + "][" + c + "] must be finite, got "
                        + m[r][c]);
                }
            }
        }
        if (width == 0) {
            throw new IllegalArgumentException(name + " must have at least one column, got 0");
        }
        return width;
    }

    /** A matrix of exactly {@code rows} by {@code columns}. */
    static void shape(String name, double[][] m, int rows, int columns) {
        nonNull(name, m);
        if (m.length != rows) {
            throw new IllegalArgumentException(name + " has " + m.length + " rows, expected " + rows
                + " (one per example of the last forward pass)");
        }
        matrix(name, m, columns);
    }
}
