package org.musicoder.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.musicoder.io.Npy;

/** Loads librosa reference arrays from {@code fixtures/} on the test classpath and compares against them. */
final class Fixtures {
    /** The four librosa reference clips of {@code fixtures/librosa/}. */
    static final String[] CLIPS = {"test30_wav", "test10_wav", "synth5", "test10_mono22k"};

    /** Every folder with librosa's mel-derived blocks: the four clips and all short/degenerate edge cases. */
    static String[] spectralCases() {
        return new String[] {"librosa/test30_wav", "librosa/test10_wav", "librosa/synth5", "librosa/test10_mono22k",
                "librosa_edge/empty", "librosa_edge/silence", "librosa_edge/short300", "librosa_edge/one_frame",
                "librosa_edge/two_frames", "librosa_edge/frames9", "librosa_edge/frames10", "librosa_edge/quiet_8bit"};
    }

    private Fixtures() {}

    static boolean exists(String dir, String name) {
        return Fixtures.class.getResource("/fixtures/" + dir + "/" + name + ".npy") != null;
    }

    static Npy.Array load(String dir, String name) {
        String path = "/fixtures/" + dir + "/" + name + ".npy";
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("missing fixture " + path);
            return Npy.read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] waveform(String dir) {
        return load(dir, "y").toFloat();
    }

    /** {@code ||a - b||_F / ||b||_F} over columns {@code c0..c1-1} (all rows) of the reference {@code b}. */
    static double relErr(float[][] a, Npy.Array b, int c0, int c1) {
        int cols = b.cols();
        double num = 0;
        double den = 0;
        for (int r = 0; r < b.rows(); r++)
            for (int c = c0; c < c1; c++) {
                double ref = b.data()[r * cols + c];
                double d = a[r][c] - ref;
                num += d * d;
                den += ref * ref;
            }
        return Math.sqrt(num / den);
    }

    /** Asserts equal shapes and {@code ||a - b||_F <= tol ||b||_F}. */
    static void assertClose(String what, float[][] a, Npy.Array b, double tol) {
        assertArrayEquals(b.shape(), new int[] {a.length, a[0].length}, what + ": shape");
        double err = relErr(a, b, 0, b.cols());
        assertTrue(err <= tol, what + ": relative Frobenius error " + err + " > " + tol);
    }

    /** Asserts equal shapes and {@code max |a - b| <= tol} (for references that are all zero or near zero). */
    static void assertAbsClose(String what, float[][] a, Npy.Array b, double tol) {
        assertArrayEquals(b.shape(), new int[] {a.length, a[0].length}, what + ": shape");
        double max = 0;
        for (int r = 0; r < a.length; r++)
            for (int c = 0; c < a[r].length; c++) max = Math.max(max, Math.abs(a[r][c] - b.data()[r * a[r].length + c]));
        assertTrue(max <= tol, what + ": max abs error " + max + " > " + tol);
    }

    static float[][] sqrt(float[][] power) {
        float[][] m = new float[power.length][];
        for (int r = 0; r < power.length; r++) {
            m[r] = new float[power[r].length];
            for (int c = 0; c < m[r].length; c++) m[r][c] = (float) Math.sqrt(power[r][c]);
        }
        return m;
    }
}
