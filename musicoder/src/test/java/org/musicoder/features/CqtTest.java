package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.io.Npy;
import org.musicoder.testutil.Fixtures;

/** Cqt against librosa 1.0's log-CQT and |CQT| of the reference clips. */
class CqtTest {
    static final double EPS = 1e-6;

    /** Relative Frobenius error of {@code got} (trimmed to the reference's frames) against {@code ref}. */
    static double relError(Npy.Array ref, double[][] got, boolean log) {
        int rows = ref.rows(), cols = ref.cols();
        assertEquals(rows, got.length, "rows");
        assertTrue(got[0].length >= cols, "frames " + got[0].length + " < reference " + cols);
        double num = 0, den = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                double g = log ? Math.log(10 * got[r][c] + EPS) : got[r][c];
                double d = g - ref.data()[r * cols + c];
                num += d * d;
                den += ref.data()[r * cols + c] * ref.data()[r * cols + c];
            }
        return Math.sqrt(num / den);
    }

    @ParameterizedTest
    @ValueSource(strings = {"test30_wav", "test10_wav", "synth5"})
    void matchesLibrosaLogCqt(String clip) throws Exception {
        float[] y = Fixtures.npy("librosa/" + clip + "/y.npy").toFloat();
        double[][] c = Cqt.magnitude(y, FeatureConfig.PAPER);
        Npy.Array logRef = Fixtures.npy("librosa/" + clip + "/log_cqt.npy");
        double logErr = relError(logRef, c, true);
        double magErr = relError(Fixtures.npy("librosa/" + clip + "/cqt_mag.npy"), c, false);
        System.out.printf("%s: frames %d (reference %d, STFT %d), log-CQT rel err %.3e, |CQT| rel err %.3e%n",
                clip, c[0].length, logRef.cols(), FeatureConfig.PAPER.frames(y.length), logErr, magErr);
        assertTrue(logErr <= 1e-3, clip + ": log-CQT relative error " + logErr);
        assertTrue(magErr <= 1e-3, clip + ": |CQT| relative error " + magErr);
    }
}
