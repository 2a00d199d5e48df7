package org.musicoder.eval;

import java.util.Arrays;

/**
 * L2-regularised logistic regression, the linear classifier of the hand-crafted baseline. It minimises
 * scikit-learn's objective for {@code LogisticRegression(penalty='l2', C=c)},
 * <pre>
 *   0.5 ||W||^2 + c * sum_i -log p(y_i | x_i),   p(k | x) = softmax(W x + b)_k,
 * </pre>
 * with the intercepts {@code b} not penalised: multinomial (one row of W per class) for three classes or more, and
 * for two classes the binary model (one row, {@code p(1 | x) = sigmoid(w x + b)}), as scikit-learn does. The
 * objective is strictly convex in W, so the fitted probabilities are the unique optimum's (within the tolerance),
 * whatever the solver; this one is L-BFGS with a backtracking line search, in double precision.
 */
public final class LogisticRegression {
    private final double[][] w; // [rows][dims + 1], the last column is the intercept
    private final int classes;

    private LogisticRegression(double[][] w, int classes) {
        this.w = w;
        this.classes = classes;
    }

    /**
     * Fits the model.
     *
     * @param x features, {@code [clips][dims]} (standardise them first, e.g. with {@link Standardizer})
     * @param y class of each clip, in {@code [0, classes)}
     * @param classes number of classes, {@code >= 2}
     * @param c inverse regularisation strength ({@code > 0}; scikit-learn's default is 1)
     * @return the fitted model
     */
    public static LogisticRegression fit(double[][] x, int[] y, int classes, double c) {
        if (x.length == 0 || x.length != y.length)
            throw new IllegalArgumentException("logistic regression: " + x.length + " clips, " + y.length + " labels");
        if (classes < 2) throw new IllegalArgumentException("logistic regression: needs >= 2 classes, got " + classes);
        if (!(c > 0) || Double.isInfinite(c)) throw new IllegalArgumentException("logistic regression: C must be > 0, got " + c);
        for (int v : y) if (v < 0 || v >= classes) throw new IllegalArgumentException("logistic regression: label " + v + " not in [0, " + classes + ")");
        int dims = x[0].length;
        for (double[] row : x) if (row.length != dims) throw new IllegalArgumentException("logistic regression: ragged features");
        int rows = classes == 2 ? 1 : classes;
        Objective f = new Objective(x, y, rows, c);
        double[] theta = Lbfgs.minimise(f, new double[rows * (dims + 1)], 1e-13, 100_000);
        double[][] w = new double[rows][];
        for (int k = 0; k < rows; k++) w[k] = Arrays.copyOfRange(theta, k * (dims + 1), (k + 1) * (dims + 1));
        return new LogisticRegression(w, classes);
    }

    /**
     * @param x features, {@code [clips][dims]}
     * @return class probabilities, {@code [clips][classes]}
     */
    public double[][] probabilities(double[][] x) {
        double[][] p = new double[x.length][];
        for (int i = 0; i < x.length; i++) p[i] = probabilities(w, x[i], classes);
        return p;
    }

    /**
     * @param x features, {@code [clips][dims]}
     * @return the most probable class of each clip (the lowest index on ties)
     */
    public int[] predict(double[][] x) {
        double[][] p = probabilities(x);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++)
            for (int k = 1; k < classes; k++) if (p[i][k] > p[i][out[i]]) out[i] = k;
        return out;
    }

    private static double[] probabilities(double[][] w, double[] x, int classes) {
        double[] z = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double s = w[k][x.length];
            for (int d = 0; d < x.length; d++) s += w[k][d] * x[d];
            z[k] = s;
        }
        if (classes == 2) {
            double p1 = 1 / (1 + Math.exp(-z[0]));
            return new double[] {1 - p1, p1};
        }
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        double[] p = new double[classes];
        for (int k = 0; k < classes; k++) sum += p[k] = Math.exp(z[k] - max);
        for (int k = 0; k < classes; k++) p[k] /= sum;
        return p;
    }

    /** The penalised negative log-likelihood and its gradient. */
    private record Objective(double[][] x, int[] y, int rows, double c) implements Lbfgs.Function {
        @Override
        public double value(double[] theta, double[] grad) {
            int dims = x[0].length;
            int stride = dims + 1;
            double[][] w = new double[rows][];
            for (int k = 0; k < rows; k++) w[k] = Arrays.copyOfRange(theta, k * stride, (k + 1) * stride);
            double f = 0;
            Arrays.fill(grad, 0);
            for (int k = 0; k < rows; k++)
                for (int d = 0; d < dims; d++) {
                    f += 0.5 * w[k][d] * w[k][d];
                    grad[k * stride + d] = w[k][d];
                }
            int classes = rows == 1 ? 2 : rows;
            for (int i = 0; i < x.length; i++) {
                double[] p = probabilities(w, x[i], classes);
                f -= c * Math.log(Math.max(p[y[i]], Double.MIN_NORMAL));
                for (int k = 0; k < rows; k++) {
                    int cls = rows == 1 ? 1 : k;
                    double r = c * (p[cls] - (y[i] == cls ? 1 : 0));
                    for (int d = 0; d < dims; d++) grad[k * stride + d] += r * x[i][d];
                    grad[k * stride + dims] += r;
                }
            }
            return f;
        }
    }
}
