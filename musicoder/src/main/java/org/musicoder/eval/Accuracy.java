package org.musicoder.eval;

/** Classification accuracy, as scikit-learn's {@code accuracy_score}: the fraction of exact matches. */
public final class Accuracy {
    private Accuracy() {}

    /**
     * @param predicted predicted class id per clip
     * @param truth     true class id per clip, same length
     * @return the fraction of clips with {@code predicted[i] == truth[i]}, in {@code [0, 1]}
     * @throws IllegalArgumentException on different or zero lengths
     */
    public static double of(int[] predicted, int[] truth) {
        Checks.sameLength("predicted vs truth", predicted.length, truth.length);
        long right = 0;
        for (int i = 0; i < truth.length; i++) if (predicted[i] == truth[i]) right++;
        return (double) right / truth.length;
    }
}
