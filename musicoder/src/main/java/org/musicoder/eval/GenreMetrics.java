package org.musicoder.eval;

import java.util.List;
import java.util.Locale;

/**
 * The genre-classification metrics of one evaluated set: accuracy and confusion matrix.
 *
 * @param accuracy   fraction of clips whose predicted class is the true one ({@link Accuracy})
 * @param confusion  rows = true class, columns = predicted class ({@link ConfusionMatrix})
 * @param classNames class names in id order, or empty when only ids are known
 */
public record GenreMetrics(double accuracy, ConfusionMatrix confusion, List<String> classNames) {
    public GenreMetrics {
        classNames = List.copyOf(classNames);
        if (!classNames.isEmpty() && classNames.size() != confusion.classes())
            throw new IllegalArgumentException(classNames.size() + " class names for " + confusion.classes() + " classes");
    }

    /**
     * @param predicted  predicted class id per clip
     * @param truth      true class id per clip, same length
     * @param classes    number of classes; every id must be in {@code [0, classes)}
     * @param classNames class names in id order, or empty
     * @return the metrics
     * @throws IllegalArgumentException on different or zero lengths, an id out of range, or a wrong name count
     */
    public static GenreMetrics of(int[] predicted, int[] truth, int classes, List<String> classNames) {
        return new GenreMetrics(Accuracy.of(predicted, truth), ConfusionMatrix.of(predicted, truth, classes), classNames);
    }

    /**
     * Metrics of class scores: each clip is predicted as its highest-scoring class.
     *
     * @param scores     {@code clips x classes} scores (probabilities or logits), finite
     * @param truth      true class id per clip
     * @param classNames class names in id order, or empty
     * @return the metrics, with {@code classes} = the score columns
     * @throws IllegalArgumentException on mismatched shapes, a non-finite score, or an id out of range
     */
    public static GenreMetrics ofScores(double[][] scores, int[] truth, List<String> classNames) {
        Checks.sameLength("scores vs truth (clips)", scores.length, truth.length);
        return of(argmax(scores), truth, scores[0].length, classNames);
    }

    /**
     * The predicted class of each clip: the index of its largest score, the first one on ties (as NumPy's
     * {@code argmax}).
     *
     * @param scores {@code clips x classes}, finite, every row of the same non-zero length
     * @return one class id per clip
     * @throws IllegalArgumentException on ragged or empty rows, or a non-finite score
     */
    public static int[] argmax(double[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double[] row = scores[i];
            if (row.length == 0 || row.length != scores[0].length)
                throw new IllegalArgumentException("scores: clip " + i + " has " + row.length + " classes, expected "
                        + scores[0].length + " (> 0)");
            Checks.finite("scores of clip " + i, row);
            int best = 0;
            for (int c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
            out[i] = best;
        }
        return out;
    }

    /** Accuracy, then the confusion matrix with the class names. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.10f (%d clips, %d classes)%n%s", accuracy,
                clips(), confusion.classes(), confusion.render(classNames));
    }

    private int clips() {
        int n = 0;
        for (int[] row : confusion.counts()) for (int v : row) n += v;
        return n;
    }
}
