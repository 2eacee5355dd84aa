package calculus.chainrule;

import calculus.oracles.Expressions;

/**
 * Dual numbers as an {@link Expressions.Algebra}, so that the grader's random expression trees can be evaluated on
 * the student's {@link Dual}: each operation of a tree calls the Dual method of the same name.
 */
final class DualAlgebra implements Expressions.Algebra<Dual> {

    @Override
    public Dual constant(double c) {
        return Dual.constant(c);
    }

    @Override
    public Dual add(Dual a, Dual b) {
        return a.plus(b);
    }

    @Override
    public Dual subtract(Dual a, Dual b) {
        return a.minus(b);
    }

    @Override
    public Dual multiply(Dual a, Dual b) {
        return a.times(b);
    }

    @Override
    public Dual divide(Dual a, Dual b) {
        return a.dividedBy(b);
    }

    @Override
    public Dual pow(Dual a, int n) {
        return a.pow(n);
    }

    @Override
    public Dual pow(Dual a, double p) {
        return a.pow(p);
    }

    @Override
    public Dual exp(Dual a) {
        return a.exp();
    }

    @Override
    public Dual log(Dual a) {
        return a.log();
    }

    @Override
    public Dual sin(Dual a) {
        return a.sin();
    }

    @Override
    public Dual cos(Dual a) {
        return a.cos();
    }

    @Override
    public Dual tanh(Dual a) {
        return a.tanh();
    }

    @Override
    public Dual sigmoid(Dual a) {
        return a.sigmoid();
    }
}
