package org.musicoder.eval;

/**
 * Average precision (PR-AUC), as scikit-learn's {@code average_precision_score}: the step-wise area under the
 * precision-recall curve, {@code AP = sum_k (R_k - R_(k-1)) P_k} over the distinct scores from the highest down,
 * {@code P_k} and {@code R_k} the precision and recall when every clip scoring {@code >=} the k-th score is called
 * positive ({@code R_0 = 0}). Tied clips enter together, at one threshold; no interpolation.
 */
public final class AveragePrecision {
    private AveragePrecision() {}

    /**
     * Average precision of one tag.
     *
     * @param scores one score per clip (any real scale), finite
     * @param labels {@code true} for a positive clip, same length
     * @return AP in {@code [0, 1]}; {@code NaN} when there is no positive (undefined; scikit-learn gives 0 with a
     *         warning); 1 when every clip is positive (as scikit-learn)
     * @throws IllegalArgumentException on different or zero lengths, or a non-finite score
     */
    public static double of(double[] scores, boolean[] labels) {
        Thresholds t = Thresholds.of(scores, labels);
        long pos = t.positives();
        if (pos == 0) return Double.NaN;
        double sum = 0;
        long tpBefore = 0;
        for (int k = 0; k < t.size(); k++) {
            long tp = t.truePositives()[k];
            if (tp > tpBefore) {
                double precision = (double) tp / (tp + t.falsePositives()[k]);
                sum += (tp - tpBefore) * precision;
            }
            tpBefore = tp;
        }
        return sum / pos;
    }

    /**
     * Macro average precision: the unweighted mean over tags of {@link #of}, as
     * {@code average_precision_score(average='macro')}. A tag without both a positive and a negative clip is left
     * out of the mean (the package's undefined-tag rule; scikit-learn would count 0 for a tag with no positive).
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
     * @return average precision per tag, {@code NaN} for a tag without both classes
     */
    public static double[] perTag(double[][] scores, boolean[][] labels) {
        return PerTag.values(scores, labels, AveragePrecision::of);
    }
}
