package org.musicoder.eval;

/**
 * Area under the ROC curve (true-positive rate against false-positive rate), as scikit-learn's
 * {@code roc_auc_score}: the trapezoid area through one point per distinct score, so tied scores count half. This
 * equals the probability that a random positive scores above a random negative, ties counting one half.
 * Computed exactly in integers up to one final division.
 */
public final class RocAuc {
    private RocAuc() {}

    /**
     * ROC-AUC of one tag.
     *
     * @param scores one score per clip (any real scale: probabilities, logits), finite
     * @param labels {@code true} for a positive clip, same length
     * @return the area in {@code [0, 1]}; {@code NaN} when the labels hold only one class (undefined;
     *         scikit-learn raises)
     * @throws IllegalArgumentException on different or zero lengths, or a non-finite score
     */
    public static double of(double[] scores, boolean[] labels) {
        Thresholds t = Thresholds.of(scores, labels);
        long pos = t.positives();
        long neg = t.negatives();
        if (pos == 0 || neg == 0) return Double.NaN;
        // twice the trapezoid area in units of (1 / pos) x (1 / neg)
        long twice = 0;
        long tpBefore = 0;
        long fpBefore = 0;
        for (int k = 0; k < t.size(); k++) {
            long tp = t.truePositives()[k];
            long fp = t.falsePositives()[k];
            twice += (fp - fpBefore) * (tp + tpBefore);
            tpBefore = tp;
            fpBefore = fp;
        }
        return twice / (2.0 * pos * neg);
    }

    /**
     * Macro ROC-AUC: the unweighted mean over tags of {@link #of}, as {@code roc_auc_score(average='macro')}.
     * A tag without both a positive and a negative clip is left out of the mean (the package's undefined-tag rule).
     *
     * @param scores {@code clips x tags} scores, finite
     * @param labels {@code clips x tags}, {@code true} = the clip has the tag
     * @return the mean; {@code NaN} when no tag is evaluable
     * @throws IllegalArgumentException on mismatched or empty shapes, or a non-finite score
     */
    public static double macro(double[][] scores, boolean[][] labels) {
        return PerTag.mean(perTag(scores, labels));
    }

    /**
     * @param scores {@code clips x tags}
     * @param labels {@code clips x tags}
     * @return ROC-AUC per tag, {@code NaN} for a tag without both classes
     */
    public static double[] perTag(double[][] scores, boolean[][] labels) {
        return PerTag.values(scores, labels, RocAuc::of);
    }
}
