package org.musicoder.experiments;

import java.util.List;
import org.musicoder.eval.LogisticRegression;
import org.musicoder.eval.Standardizer;
import org.musicoder.finetune.Example;

/**
 * The paper's first Table 5 row, "hand-crafted features + linear classifier", as the project computes it: each clip
 * described by the mean and standard deviation of every column of its raw features (648 values), standardised on
 * the training clips, then an L2 logistic regression ({@link LogisticRegression}; the paper's row is an SVM) whose
 * strength C is chosen on the validation clips from {@link #C_GRID} (ties: the smaller C), reported on the fold's
 * reported clips. Genre classification.
 */
public final class HandCrafted {
    /** The C values tried. */
    public static final List<Double> C_GRID = List.of(0.01, 0.1, 1.0, 10.0);

    /**
     * @param c the C kept
     * @param validation its validation accuracy
     * @param reported its accuracy on the fold's reported clips ({@link Fold#reported()})
     */
    public record Result(double c, double validation, double reported) {}

    private HandCrafted() {}

    /**
     * @param fold a genre fold whose examples carry {@link Example#statistics()}
     * @param classes number of classes
     * @return the kept C and its accuracies
     * @throws IllegalArgumentException if an example has no statistics
     */
    public static Result genre(Fold fold, int classes) {
        double[][] train = stats(fold.train());
        Standardizer s = Standardizer.fit(train);
        double[][] x = s.apply(train);
        int[] y = fold.train().stream().mapToInt(Example::classId).toArray();
        Result best = null;
        for (double c : C_GRID) {
            LogisticRegression m = LogisticRegression.fit(x, y, classes, c);
            double v = accuracy(m, s, fold.validation());
            if (best == null || v > best.validation()) best = new Result(c, v, accuracy(m, s, fold.reported()));
        }
        return best;
    }

    private static double accuracy(LogisticRegression m, Standardizer s, List<Example> examples) {
        int[] p = m.predict(s.apply(stats(examples)));
        int right = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == examples.get(i).classId()) right++;
        return (double) right / p.length;
    }

    private static double[][] stats(List<Example> examples) {
        double[][] out = new double[examples.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = examples.get(i).statistics();
            if (out[i] == null) throw new IllegalArgumentException("hand-crafted baseline: example " + i + " has no clip statistics");
        }
        return out;
    }
}
