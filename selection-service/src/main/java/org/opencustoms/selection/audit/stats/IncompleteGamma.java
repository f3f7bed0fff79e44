package org.opencustoms.selection.audit.stats;

/**
 * Regularized upper incomplete gamma function Q(a, x) = Gamma(a, x) / Gamma(a), following
 * Numerical Recipes {@code gammq}: the power series for P = 1 - Q when x < a + 1 (where it
 * converges fast), otherwise the continued fraction for Q evaluated with the modified Lentz method.
 */
final class IncompleteGamma {

    private static final double EPSILON = 1e-15;
    /** Stands in for zero in Lentz's method so no division by zero occurs. */
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;

    private IncompleteGamma() {
    }

    static double upperRegularized(double a, double x) {
        if (!(a > 0.0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("shape a must be finite and > 0, was " + a);
        }
        if (!(x >= 0.0)) {
            throw new IllegalArgumentException("x must be >= 0, was " + x);
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        if (x < a + 1.0) {
            return Math.max(0.0, 1.0 - lowerBySeries(a, x));
        }
        return upperByContinuedFraction(a, x);
    }

    /** x^a e^-x / Gamma(a), the factor common to series and continued fraction. */
    private static double prefactor(double a, double x) {
        return Math.exp(-x + a * Math.log(x) - LogGamma.of(a));
    }

    private static double lowerBySeries(double a, double x) {
        double denominator = a;
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n <= MAX_ITERATIONS; n++) {
            denominator += 1.0;
            term *= x / denominator;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                return sum * prefactor(a, x);
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    private static double upperByContinuedFraction(double a, double x) {
        double b = x + 1.0 - a;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double fraction = d;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            double step = d * c;
            fraction *= step;
            if (Math.abs(step - 1.0) < EPSILON) {
                return prefactor(a, x) * fraction;
            }
        }
        throw new ArithmeticException(
                "incomplete gamma continued fraction did not converge for a=" + a + ", x=" + x);
    }
}
