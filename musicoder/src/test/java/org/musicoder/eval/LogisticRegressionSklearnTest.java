package org.musicoder.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-crafted baseline's classifier against scikit-learn 1.2 (StandardScaler + LogisticRegression at its
 * optimum): the test clips' class probabilities agree within 1e-4 and the predicted classes exactly, multinomial
 * (five classes, more features than clips, as the demo's 648 statistics of 54 clips) and binary, at two
 * regularisation strengths. The bound is set by scikit-learn, not by us: its L-BFGS stops on a relative decrease of
 * 64 machine epsilons of its mean loss, and on a binary case like the one here its solution still had gradient
 * components of 6e-5; refining it with scipy moved its probabilities by 1e-5.
 */
class LogisticRegressionSklearnTest {
    @TempDir Path dir;

    /** Clips drawn around a class centre in some of the columns, with columns of very different scales. */
    static double[][] data(int n, int dims, int classes, int[] y, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[classes][dims];
        Random c = new Random(99);
        for (double[] row : centres) for (int d = 0; d < dims / 3; d++) row[d] = c.nextGaussian();
        double[][] x = new double[n][dims];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int d = 0; d < dims; d++) x[i][d] = (centres[y[i]][d] + 1.5 * r.nextGaussian()) * (1 + d % 7) * 10 + d;
        }
        return x;
    }

    void assertMatches(int n, int dims, int classes, double c) throws Exception {
        int[] y = new int[n];
        double[][] train = data(n, dims, classes, y, 1);
        double[][] test = data(25, dims, classes, new int[25], 2);
        Standardizer s = Standardizer.fit(train);
        LogisticRegression model = LogisticRegression.fit(s.apply(train), y, classes, c);
        double[][] p = model.probabilities(s.apply(test));
        Map<String, double[]> sk = Sklearn.logreg(dir, train, y, test, c);
        double[] flat = new double[p.length * classes];
        for (int i = 0; i < p.length; i++) System.arraycopy(p[i], 0, flat, i * classes, classes);
        assertArrayEquals(sk.get("proba"), flat, 1e-4, n + " clips, " + dims + " dims, " + classes + " classes, C " + c);
        int[] predicted = model.predict(s.apply(test));
        for (int i = 0; i < predicted.length; i++) assertEquals((int) sk.get("predict")[i], predicted[i], "clip " + i);
    }

    @Test
    void multinomialMatchesScikitLearn() throws Exception {
        assertMatches(54, 120, 5, 1.0);
        assertMatches(60, 12, 3, 0.05);
    }

    @Test
    void binaryMatchesScikitLearn() throws Exception {
        assertMatches(40, 30, 2, 1.0);
    }

    @Test
    void clipStatisticsAreMeanThenStd() {
        double[] s = Standardizer.clipStatistics(new float[][] {{1, 10}, {3, 10}});
        assertArrayEquals(new double[] {2, 10, 1, 0}, s, 0);
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(new double[][] {{1}}, new int[] {2}, 2, 1));
    }
}
