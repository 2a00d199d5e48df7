package org.musicoder.eval;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4) with a backtracking Armijo line
 * search, for smooth convex objectives of a few thousand variables.
 */
final class Lbfgs {
    /** A differentiable function. */
    interface Function {
        /**
         * @param x the point (not modified)
         * @param grad receives the gradient at x
         * @return the value at x
         */
        double value(double[] x, double[] grad);
    }

    private static final int MEMORY = 10;

    private Lbfgs() {}

    /**
     * @param f the function
     * @param x0 the start (not modified)
     * @param tolerance stop when the gradient's largest component is at most {@code tolerance * max(1, |f|)}
     * @param maxIterations iteration bound
     * @return the minimiser found
     */
    static double[] minimise(Function f, double[] x0, double tolerance, int maxIterations) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.value(x, g);
        double[][] s = new double[MEMORY][];
        double[][] yv = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int head = 0;
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int it = 0; it < maxIterations; it++) {
            if (maxAbs(g) <= tolerance * Math.max(1, Math.abs(fx))) break;
            // two-loop recursion: d = -H g
            double[] d = g.clone();
            double[] alpha = new double[MEMORY];
            for (int j = 0; j < stored; j++) {
                int i = Math.floorMod(head - 1 - j, MEMORY);
                alpha[i] = rho[i] * dot(s[i], d);
                axpy(-alpha[i], yv[i], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, MEMORY);
                scale(d, dot(s[last], yv[last]) / dot(yv[last], yv[last]));
            } else {
                scale(d, 1 / Math.max(1, Math.sqrt(dot(g, g))));
            }
            for (int j = stored - 1; j >= 0; j--) {
                int i = Math.floorMod(head - 1 - j, MEMORY);
                double beta = rho[i] * dot(yv[i], d);
                axpy(alpha[i] - beta, s[i], d);
            }
            scale(d, -1);
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                for (int k = 0; k < n; k++) d[k] = -g[k];
                slope = dot(g, d);
                stored = 0;
            }
            double step = 1;
            double fNew;
            while (true) {
                for (int k = 0; k < n; k++) xNew[k] = x[k] + step * d[k];
                fNew = f.value(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || step < 1e-20) break;
                step *= 0.5;
            }
            if (step < 1e-20) break;
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int k = 0; k < n; k++) {
                sk[k] = xNew[k] - x[k];
                yk[k] = gNew[k] - g[k];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
                s[head] = sk;
                yv[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            double improvement = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (improvement <= 1e-16 * Math.max(1, Math.abs(fx)) && maxAbs(g) <= Math.sqrt(tolerance)) break;
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += a * x[i];
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) x[i] *= a;
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }
}
