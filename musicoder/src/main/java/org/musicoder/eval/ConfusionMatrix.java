package org.musicoder.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix, as scikit-learn's {@code confusion_matrix(truth, predicted, labels=range(classes))}:
 * {@code counts()[t][p]} is the number of clips of true class {@code t} predicted as {@code p} (rows = true class,
 * columns = predicted class).
 */
public final class ConfusionMatrix {
    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    /**
     * @param predicted predicted class id per clip, in {@code [0, classes)}
     * @param truth     true class id per clip, same length, in {@code [0, classes)}
     * @param classes   number of classes, {@code >= 1}
     * @return the {@code classes x classes} matrix
     * @throws IllegalArgumentException on different or zero lengths, or an id outside {@code [0, classes)}
     */
    public static ConfusionMatrix of(int[] predicted, int[] truth, int classes) {
        Checks.sameLength("predicted vs truth", predicted.length, truth.length);
        if (classes < 1) throw new IllegalArgumentException("confusion matrix: classes must be >= 1, got " + classes);
        int[][] m = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            inRange("truth", i, truth[i], classes);
            inRange("predicted", i, predicted[i], classes);
            m[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(m);
    }

    private static void inRange(String what, int i, int id, int classes) {
        if (id < 0 || id >= classes)
            throw new IllegalArgumentException(what + " class of clip " + i + " is " + id + ", outside [0, " + classes + ")");
    }

    /** @return a copy of the counts, {@code [true class][predicted class]} */
    public int[][] counts() {
        int[][] c = new int[counts.length][];
        for (int i = 0; i < c.length; i++) c[i] = counts[i].clone();
        return c;
    }

    /** @return the number of classes */
    public int classes() {
        return counts.length;
    }

    /** @return clips of true class {@code t} predicted as {@code p} */
    public int count(int t, int p) {
        return counts[t][p];
    }

    /** The matrix as text with class ids {@code 0..classes-1} as names. */
    @Override
    public String toString() {
        return render(List.of());
    }

    /**
     * The matrix as an aligned text table: one row per true class, one column per predicted class, a header line.
     *
     * @param names class names in id order; empty for ids; otherwise exactly {@link #classes()} names
     * @return lines separated by {@code \n}, no trailing newline
     * @throws IllegalArgumentException if {@code names} is neither empty nor {@link #classes()} long
     */
    public String render(List<String> names) {
        int n = counts.length;
        if (!names.isEmpty() && names.size() != n)
            throw new IllegalArgumentException("confusion matrix: " + names.size() + " names for " + n + " classes");
        List<String> label = new ArrayList<>();
        for (int i = 0; i < n; i++) label.add(names.isEmpty() ? Integer.toString(i) : names.get(i));
        int rowWidth = "true \\ predicted".length();
        int cell = 1;
        for (int i = 0; i < n; i++) {
            rowWidth = Math.max(rowWidth, label.get(i).length());
            cell = Math.max(cell, label.get(i).length());
            for (int v : counts[i]) cell = Math.max(cell, Integer.toString(v).length());
        }
        StringBuilder sb = new StringBuilder(pad("true \\ predicted", rowWidth, false));
        for (String l : label) sb.append(' ').append(pad(l, cell, true));
        for (int t = 0; t < n; t++) {
            sb.append('\n').append(pad(label.get(t), rowWidth, false));
            for (int v : counts[t]) sb.append(' ').append(pad(Integer.toString(v), cell, true));
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
