package org.musicoder.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accuracy and confusion matrix against scikit-learn's {@code accuracy_score} and {@code confusion_matrix}. */
class GenreMetricsSklearnTest {
    @TempDir
    Path dir;

    void check(int[] predicted, int[] truth, int classes) throws Exception {
        Map<String, double[]> ref = Sklearn.genre(dir, predicted, truth, classes);
        assertEquals(ref.get("accuracy")[0], Accuracy.of(predicted, truth), 1e-12);
        ConfusionMatrix m = ConfusionMatrix.of(predicted, truth, classes);
        assertEquals(classes, m.classes());
        double[] conf = ref.get("confusion");
        int[][] counts = m.counts();
        for (int t = 0; t < classes; t++)
            for (int p = 0; p < classes; p++) assertEquals(conf[t * classes + p], counts[t][p], "cell " + t + "," + p);
    }

    @Test
    void randomPredictionsTenGenres() throws Exception {
        Random rnd = new Random(3);
        int[] truth = new int[200];
        int[] pred = new int[200];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = rnd.nextInt(10);
            pred[i] = rnd.nextDouble() < 0.6 ? truth[i] : rnd.nextInt(10);
        }
        check(pred, truth, 10);
    }

    @Test
    void tinyAndUnusedClasses() throws Exception {
        check(new int[] {0}, new int[] {0}, 1);
        check(new int[] {2, 0, 2}, new int[] {2, 1, 0}, 5); // classes 3 and 4 never occur
    }

    @Test
    void scoresArePredictedByArgmaxFirstOnTies() throws Exception {
        double[][] scores = {{0.1, 0.7, 0.2}, {0.5, 0.5, 0.0}, {-1, -3, -0.5}};
        int[] truth = {1, 1, 2};
        int[] pred = GenreMetrics.argmax(scores);
        assertArrayEquals(new int[] {1, 0, 2}, pred, "numpy's argmax takes the first maximum");
        GenreMetrics g = GenreMetrics.ofScores(scores, truth, List.of("a", "b", "c"));
        check(pred, truth, 3);
        assertEquals(Accuracy.of(pred, truth), g.accuracy());
        assertTrue(g.toString().contains("accuracy 0.6666666667 (3 clips, 3 classes)"), g.toString());
    }

    @Test
    void badInputGetsOneClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[2], new int[3]));
        assertEquals("predicted vs truth: lengths differ (2 vs 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0, 4}, new int[] {0, 1}, 3));
        assertEquals("predicted class of clip 1 is 4, outside [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false}));
        assertEquals("scores: score 1 is NaN (must be finite)", e.getMessage());
    }
}
