package org.opencustoms.selection.audit.stats;

/**
 * Complementary error function after W. J. Cody, "Rational Chebyshev approximations for the error
 * function", Math. Comp. 23 (1969), as implemented in his CALERF routine (relative error below
 * 1e-15 in IEEE double). erfc is computed directly, not as 1 - erf, so far tails keep their
 * relative accuracy.
 */
final class ErrorFunction {

    private static final double SMALL_ARGUMENT_LIMIT = 0.46875;
    private static final double MIDDLE_ARGUMENT_LIMIT = 4.0;
    /** erfc(x) underflows to 0 beyond this. */
    private static final double UNDERFLOW_ARGUMENT = 26.543;
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;

    private static final double[] A = {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03};
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] P = {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {
        2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3};

    private ErrorFunction() {
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double y = Math.abs(x);
        if (y <= SMALL_ARGUMENT_LIMIT) {
            return 1.0 - erfNearZero(x);
        }
        double erfcOfAbs;
        if (y <= MIDDLE_ARGUMENT_LIMIT) {
            erfcOfAbs = erfcMiddle(y);
        } else if (y < UNDERFLOW_ARGUMENT) {
            erfcOfAbs = erfcTail(y);
        } else {
            erfcOfAbs = 0.0;
        }
        return x < 0 ? 2.0 - erfcOfAbs : erfcOfAbs;
    }

    private static double erfNearZero(double x) {
        double xSquared = x * x;
        double numerator = A[4] * xSquared;
        double denominator = xSquared;
        for (int i = 0; i < 3; i++) {
            numerator = (numerator + A[i]) * xSquared;
            denominator = (denominator + B[i]) * xSquared;
        }
        return x * (numerator + A[3]) / (denominator + B[3]);
    }

    private static double erfcMiddle(double y) {
        double numerator = C[8] * y;
        double denominator = y;
        for (int i = 0; i < 7; i++) {
            numerator = (numerator + C[i]) * y;
            denominator = (denominator + D[i]) * y;
        }
        return (numerator + C[7]) / (denominator + D[7]) * expOfMinusSquare(y);
    }

    private static double erfcTail(double y) {
        double inverseSquare = 1.0 / (y * y);
        double numerator = P[5] * inverseSquare;
        double denominator = inverseSquare;
        for (int i = 0; i < 4; i++) {
            numerator = (numerator + P[i]) * inverseSquare;
            denominator = (denominator + Q[i]) * inverseSquare;
        }
        double correction = inverseSquare * (numerator + P[4]) / (denominator + Q[4]);
        return (ONE_OVER_SQRT_PI - correction) / y * expOfMinusSquare(y);
    }

    /**
     * exp(-y^2) with y split into a part whose square is exact plus a small remainder, so the
     * rounding error of y*y is not magnified by the exponential (Cody's trick).
     */
    private static double expOfMinusSquare(double y) {
        double coarse = Math.floor(y * 16.0) / 16.0;
        double remainder = (y - coarse) * (y + coarse);
        return Math.exp(-coarse * coarse) * Math.exp(-remainder);
    }
}
