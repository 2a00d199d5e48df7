package org.musicoder.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ROC-AUC and average precision against scikit-learn's on generated cases, to 1e-9. */
class TagMetricsSklearnTest {
    static final double TOL = 1e-9;

    @TempDir
    Path dir;

    /** Scores drawn by {@code draw} from a seeded generator; label j of a clip is positive with probability p[j]. */
    static double[][][] generate(long seed, int clips, double[] p, DoubleUnaryOperator shape) {
        Random rnd = new Random(seed);
        double[][] s = new double[clips][p.length];
        double[][] l = new double[clips][p.length];
        for (int i = 0; i < clips; i++)
            for (int j = 0; j < p.length; j++) {
                l[i][j] = rnd.nextDouble() < p[j] ? 1 : 0;
                // scores lean towards the positives so the areas are not all near 0.5
                s[i][j] = shape.applyAsDouble(rnd.nextGaussian() + l[i][j]);
            }
        return new double[][][] {s, l};
    }

    static boolean[][] bool(double[][] l) {
        boolean[][] b = new boolean[l.length][l[0].length];
        for (int i = 0; i < l.length; i++) for (int j = 0; j < l[i].length; j++) b[i][j] = l[i][j] != 0;
        return b;
    }

    static double[] constant(int n, double v) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, v);
        return p;
    }

    static List<String> names(int n) {
        List<String> t = new ArrayList<>();
        for (int j = 0; j < n; j++) t.add("tag" + j);
        return t;
    }

    /** Compares every value (NaN must match NaN) and the undefined-tag list, returns the number of undefined tags. */
    int check(String what, double[][] scores, boolean[][] labels) throws Exception {
        Map<String, double[]> ref = Sklearn.tags(dir, scores, labels);
        TagMetrics m = TagMetrics.of(scores, labels, names(scores[0].length));
        assertClose(what + " roc", ref.get("roc"), RocAuc.perTag(scores, labels));
        assertClose(what + " ap", ref.get("ap"), AveragePrecision.perTag(scores, labels));
        assertClose(what + " roc (TagMetrics)", ref.get("roc"), m.rocAuc());
        assertClose(what + " ap (TagMetrics)", ref.get("ap"), m.prAuc());
        assertClose(what + " macro roc", ref.get("macro_roc"), new double[] {RocAuc.macro(scores, labels)});
        assertClose(what + " macro ap", ref.get("macro_ap"), new double[] {AveragePrecision.macro(scores, labels)});
        assertClose(what + " macro roc (TagMetrics)", ref.get("macro_roc"), new double[] {m.macroRocAuc()});
        assertClose(what + " macro ap (TagMetrics)", ref.get("macro_ap"), new double[] {m.macroPrAuc()});
        List<String> undefined = new ArrayList<>();
        for (int j = 0; j < ref.get("roc").length; j++) if (Double.isNaN(ref.get("roc")[j])) undefined.add("tag" + j);
        assertEquals(undefined, m.undefinedTags(), what);
        return undefined.size();
    }

    static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int j = 0; j < expected.length; j++) {
            if (Double.isNaN(expected[j])) assertTrue(Double.isNaN(actual[j]), what + "[" + j + "]: expected NaN, got " + actual[j]);
            else assertEquals(expected[j], actual[j], TOL, what + "[" + j + "]");
        }
    }

    @Test
    void randomContinuousScores() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            double[][][] c = generate(seed, 300, new double[] {0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4}, x -> x);
            assertEquals(0, check("random seed " + seed, c[0], bool(c[1])));
        }
    }

    @Test
    void heavyTiesOnFiveLevels() throws Exception {
        // scores in {0, 0.25, 0.5, 0.75, 1}: about 60 clips share each level
        double[][][] c = generate(7, 300, new double[] {0.1, 0.3, 0.5, 0.8, 0.02, 0.6},
                x -> Math.max(0, Math.min(4, Math.round(x + 1.5))) / 4.0);
        assertEquals(0, check("five levels", c[0], bool(c[1])));
        // every score tied: ROC-AUC 0.5 and AP = the positive rate
        double[][][] flat = generate(8, 50, new double[] {0.3, 0.6}, x -> 0.5);
        check("all tied", flat[0], bool(flat[1]));
    }

    @Test
    void roundedScoresWithSignedZeros() throws Exception {
        // rounding to 0.1 gives ties; Math.rint keeps the sign, so small negatives become -0.0, which scikit-learn
        // (NumPy) treats as the same score as 0.0
        double[][][] c = generate(11, 400, new double[] {0.2, 0.5, 0.05, 0.35, 0.15}, x -> Math.rint(x * 10) / 10);
        double[][][] signed = generate(12, 400, new double[] {0.3, 0.5}, x -> Math.rint(x * 2 - 1) / 10);
        long negZeros = 0;
        long posZeros = 0;
        for (double[] row : signed[0])
            for (double v : row) {
                if (v == 0 && 1 / v < 0) negZeros++;
                if (v == 0 && 1 / v > 0) posZeros++;
            }
        assertTrue(negZeros > 10 && posZeros > 10, "-0.0: " + negZeros + ", 0.0: " + posZeros);
        assertEquals(0, check("rounded", c[0], bool(c[1])));
        assertEquals(0, check("signed zeros", signed[0], bool(signed[1])));
    }

    @Test
    void tinySets() throws Exception {
        check("two clips", new double[][] {{0.2, 0.9}, {0.8, 0.1}}, new boolean[][] {{false, false}, {true, true}});
        check("three clips", new double[][] {{0.5, 0.1}, {0.5, 0.1}, {0.3, 0.2}},
                new boolean[][] {{true, false}, {false, true}, {false, false}});
        check("one tag", new double[][] {{1}, {2}, {2}, {3}}, new boolean[][] {{false}, {true}, {false}, {true}});
    }

    @Test
    void fiftySixRareTagsWithUndefinedOnes() throws Exception {
        double[] p = new double[56];
        for (int j = 0; j < p.length; j++) p[j] = 0.002 + 0.1 * j / 55.0;
        double[][][] c = generate(56, 600, p, x -> 1 / (1 + Math.exp(-x)));
        boolean[][] labels = bool(c[1]);
        for (boolean[] row : labels) {
            row[0] = false; // no positive
            row[55] = true; // only positives
        }
        int undefined = check("56 tags", c[0], labels);
        assertTrue(undefined >= 2, "the case must hold undefined tags, got " + undefined);
        double[][][] f32 = generate(57, 600, p, x -> (float) (1 / (1 + Math.exp(-x))));
        check("56 tags float32 scores", f32[0], bool(f32[1]));
    }

    @Test
    void noEvaluableTagGivesNaNMacro() throws Exception {
        double[][] s = {{0.1, 0.4}, {0.3, 0.2}};
        boolean[][] l = {{true, false}, {true, false}};
        assertEquals(2, check("none evaluable", s, l));
        assertTrue(Double.isNaN(TagMetrics.of(s, l, names(2)).macroRocAuc()));
    }
}
