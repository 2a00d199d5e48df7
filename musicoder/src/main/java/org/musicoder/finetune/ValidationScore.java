package org.musicoder.finetune;

import java.util.List;
import org.musicoder.eval.Accuracy;
import org.musicoder.eval.GenreMetrics;
import org.musicoder.eval.RocAuc;
import org.musicoder.model.Task;

/**
 * The score the grid search maximises on the validation set: accuracy for genre classification, macro ROC-AUC
 * over the tags for tagging (tags without both a positive and a negative validation clip are left out of the
 * mean, {@link RocAuc#macro}'s rule).
 */
public final class ValidationScore {
    private ValidationScore() {}

    /** The metric's name for {@code task}: {@code accuracy} or {@code macro ROC-AUC}. */
    public static String name(Task task) {
        return task == Task.GENRE ? "accuracy" : "macro ROC-AUC";
    }

    /**
     * @param task genre or tags
     * @param probabilities {@code [clips][C]}
     * @param examples the same clips with their targets
     * @return the score (higher is better; NaN if undefined, e.g. no tag with both classes)
     */
    public static double of(Task task, double[][] probabilities, List<Example> examples) {
        if (probabilities.length != examples.size())
            throw new IllegalArgumentException(probabilities.length + " predictions for " + examples.size() + " clips");
        if (task == Task.GENRE) {
            int[] truth = new int[examples.size()];
            for (int i = 0; i < truth.length; i++) truth[i] = examples.get(i).classId();
            return Accuracy.of(GenreMetrics.argmax(probabilities), truth);
        }
        return RocAuc.macro(probabilities, labels(examples));
    }

    /**
     * The 0/1 targets as booleans.
     *
     * @param examples clips with multi-hot targets
     * @return {@code [clips][C]}, true where the target is above 0.5
     */
    public static boolean[][] labels(List<Example> examples) {
        boolean[][] l = new boolean[examples.size()][];
        for (int i = 0; i < l.length; i++) {
            float[] t = examples.get(i).target();
            l[i] = new boolean[t.length];
            for (int j = 0; j < t.length; j++) l[i][j] = t[j] > 0.5f;
        }
        return l;
    }
}
