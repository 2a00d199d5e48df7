package org.musicoder.eval;

import java.util.Arrays;

/**
 * Cumulative true and false positives at each distinct score, highest score first: the points of the ROC and
 * precision-recall curves. Clips with equal scores form one threshold ({@code -0.0} equals {@code 0.0}), so ties
 * move the curves diagonally (scikit-learn's {@code _binary_clf_curve}).
 *
 * @param truePositives  {@code truePositives[k]}: positives with score {@code >=} the k-th highest distinct score
 * @param falsePositives {@code falsePositives[k]}: negatives with score {@code >=} that score
 */
record Thresholds(long[] truePositives, long[] falsePositives) {

    /**
     * @param scores one score per clip, finite
     * @param labels {@code true} for a positive clip, same length
     * @return the counts at each distinct score, in decreasing score order
     */
    static Thresholds of(double[] scores, boolean[] labels) {
        Checks.sameLength("scores vs labels", scores.length, labels.length);
        Checks.finite("scores", scores);
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b] + 0.0, scores[a] + 0.0));
        long[] tp = new long[n];
        long[] fp = new long[n];
        int k = -1;
        long t = 0;
        long f = 0;
        for (int i = 0; i < n; i++) {
            int c = order[i];
            if (labels[c]) t++;
            else f++;
            boolean last = i == n - 1 || scores[order[i + 1]] != scores[c];
            if (last) {
                k++;
                tp[k] = t;
                fp[k] = f;
            }
        }
        return new Thresholds(Arrays.copyOf(tp, k + 1), Arrays.copyOf(fp, k + 1));
    }

    /** Number of distinct scores. */
    int size() {
        return truePositives.length;
    }

    /** All positives. */
    long positives() {
        return truePositives[truePositives.length - 1];
    }

    /** All negatives. */
    long negatives() {
        return falsePositives[falsePositives.length - 1];
    }
}
