#!/usr/bin/env python3
"""The polynomial of the reference's fast tanh (calculus.backprop.Tanh.tanh), and its accuracy.

For |x| < ln(3)/2 the reference computes tanh x = x + x^3 P(x^2). This script fits P, of degree 9, to
Q(s) = (tanh(sqrt s) - sqrt s) / s^(3/2) on [0, (ln(3)/2)^2] by Chebyshev interpolation in 60-digit arithmetic
(mpmath.chebyfit), prints its coefficients as Java constants, and measures the whole function, both branches, in
double precision (Python's floats are IEEE doubles, its math.exp is the C library's) against 60-digit tanh, in ulps.
The Java test TanhAccuracyTest measures the Java function itself.

  python3 solutions/06-backprop/bench/tanh_fit.py        (needs mpmath: Debian's python3-mpmath)
"""
import math
import random

import mpmath as mp

mp.mp.dps = 60
LIMIT = mp.log(3) / 2
DEGREE = 9


def q(s):
    if s == 0:
        return mp.mpf(-1) / 3
    r = mp.sqrt(s)
    return (mp.tanh(r) - r) / r ** 3


def main():
    poly, error = mp.chebyfit(q, [0, LIMIT ** 2 * mp.mpf("1.0001")], DEGREE + 1, error=True)
    coefficients = [float(c) for c in poly]  # highest degree first
    print("fit error of P: %s" % mp.nstr(error, 3))
    for k, c in enumerate(coefficients):
        print("    private static final double P%d = %r;" % (DEGREE - k, c))

    def tanh(x):
        a = abs(x)
        if a < float(LIMIT):
            s = a * a
            p = 0.0
            for c in coefficients:
                p = p * s + c
            t = a + a * s * p
        else:
            t = 1.0 - 2.0 / (math.exp(2.0 * a) + 1.0)
        return math.copysign(t, x)

    rng = random.Random(1)
    worst, where = 0.0, None
    for i in range(200_000):
        x = rng.uniform(0, 0.56) if i % 2 else rng.uniform(0, 20)
        exact = mp.tanh(mp.mpf(x))
        err = float(abs(mp.mpf(tanh(x)) - exact) / math.ulp(float(exact)))
        if err > worst:
            worst, where = err, x
    print("largest error of the double-precision function: %.3f ulps, at x = %r" % (worst, where))


if __name__ == "__main__":
    main()
