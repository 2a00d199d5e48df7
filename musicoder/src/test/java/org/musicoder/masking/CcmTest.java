package org.musicoder.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CcmTest {
    /**
     * Draws {@code n} blocks and tests the joint distribution of (width, start) with one chi-square over all cells:
     * P(n, s) = 1 / (maxWidth + 1) * 1 / (dims - n + 1). Also tests the width marginal alone.
     */
    static void assertUniform(Ccm ccm, int dims, int n, long seed) {
        int max = ccm.maxWidth(dims);
        long[][] cells = new long[max + 1][];
        for (int w = 0; w <= max; w++) cells[w] = new long[dims - w + 1];
        MaskRng rng = new MaskRng(seed);
        for (int i = 0; i < n; i++) {
            ChannelBlock b = ccm.draw(dims, rng);
            cells[b.width()][b.start()]++; // out of range -> exception
        }
        int total = 0;
        for (long[] c : cells) total += c.length;
        long[] joint = new long[total];
        double[] p = new double[total];
        long[] widths = new long[max + 1];
        double[] pw = new double[max + 1];
        int k = 0;
        for (int w = 0; w <= max; w++) {
            pw[w] = 1.0 / (max + 1);
            for (int s = 0; s < cells[w].length; s++) {
                joint[k] = cells[w][s];
                p[k++] = pw[w] / cells[w].length;
                widths[w] += cells[w][s];
            }
        }
        double x2w = Stats.assertFits("CCM widths (" + ccm.maxFraction() + ")", widths, pw);
        double x2 = Stats.assertFits("CCM (width, start) (" + ccm.maxFraction() + ")", joint, p);
        System.out.printf("CCM max %d of %d: %d draws, width chi-square %.1f (df %d, critical %.1f), "
                        + "(width, start) chi-square %.1f (df %d, critical %.1f)%n", max, dims, n, x2w, max,
                Stats.chiSquareCritical(max), x2, total - 1, Stats.chiSquareCritical(total - 1));
    }

    /** The paper's reading: width uniform over {0..324}, start uniform over {0..324-width}; >= 18 draws per cell. */
    @Test
    void paperWidthAndStartAreUniform() {
        assertEquals(324, Ccm.PAPER.maxWidth(324));
        assertUniform(Ccm.PAPER, 324, 2_000_000, 31);
    }

    /** TERA's 20 % cap: floor(0.2 * 324) = 64, width uniform over {0..64}. */
    @Test
    void cappedWidthIsUniformUpToTheCap() {
        Ccm tera = new Ccm(0.2);
        assertEquals(64, tera.maxWidth(324));
        assertEquals(29, new Ccm(0.29).maxWidth(100)); // 0.29 * 100 is 28.999999999999996 in binary
        assertEquals(0, new Ccm(0).maxWidth(324));
        assertUniform(tera, 324, 1_000_000, 32);
        assertThrows(IllegalArgumentException.class, () -> new Ccm(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Ccm(Double.NaN));
    }

    @Test
    void applyZeroesTheBlockOnUnpaddedFramesOnly() {
        float[][] x = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
        Ccm.apply(new ChannelBlock(1, 2), 2, x);
        assertArrayEquals(new float[] {1, 0, 0, 4}, x[0]);
        assertArrayEquals(new float[] {5, 0, 0, 8}, x[1]);
        assertArrayEquals(new float[] {9, 10, 11, 12}, x[2]);
    }
}
