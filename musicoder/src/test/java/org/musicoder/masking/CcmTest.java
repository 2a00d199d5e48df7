package org.musicoder.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CcmTest {
    /**
     * Draws {@code n} blocks and tests the joint distribution of (width, start) with one chi-square over all cells:
     * P(n, s) = 1 / (maxWidth + 1) * 1 / (to - from - n + 1) for s in {from..to-n}, where [from, to) is the band.
     * Also tests the width marginal alone. A block outside the band fails.
     */
    static void assertUniform(Ccm ccm, int dims, int n, long seed) {
        int max = ccm.maxWidth(dims);
        int from = ccm.band().from(dims);
        int span = ccm.band().to(dims) - from;
        long[][] cells = new long[max + 1][];
        for (int w = 0; w <= max; w++) cells[w] = new long[span - w + 1];
        MaskRng rng = new MaskRng(seed);
        for (int i = 0; i < n; i++) {
            ChannelBlock b = ccm.draw(dims, rng);
            cells[b.width()][b.start() - from]++; // out of the band -> exception
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
        System.out.printf("CCM max %d of %d (%s): %d draws, width chi-square %.1f (df %d, critical %.1f), "
                        + "(width, start) chi-square %.1f (df %d, critical %.1f)%n", max, span, ccm.band(), n, x2w, max,
                Stats.chiSquareCritical(max), x2, total - 1, Stats.chiSquareCritical(total - 1));
    }

    /**
     * The paper's reading (3.3, "for log-mel spectrum and log-CQT features"): the block lies in columns 52-323,
     * width uniform over {0..272}, start uniform over {52..324-width}; chroma, MFCC and delta are never hidden.
     */
    @Test
    void paperBlockIsUniformInTheSpectraAndNeverHidesTheOtherBlocks() {
        assertEquals(52, Ccm.Band.SPECTRA.from(324));
        assertEquals(324, Ccm.Band.SPECTRA.to(324));
        assertEquals(272, Ccm.PAPER.maxWidth(324));
        assertUniform(Ccm.PAPER, 324, 2_000_000, 31);
        assertThrows(IllegalArgumentException.class, () -> Ccm.PAPER.draw(100, new MaskRng(0)));
    }

    /** The whole-frame reading: width uniform over {0..324}, start uniform over {0..324-width}. */
    @Test
    void wholeFrameWidthAndStartAreUniform() {
        Ccm all = new Ccm(1.0, Ccm.Band.ALL);
        assertEquals(324, all.maxWidth(324));
        assertUniform(all, 324, 2_000_000, 33);
        assertEquals(Ccm.Band.ALL, Ccm.Band.parse("ALL"));
        assertThrows(IllegalArgumentException.class, () -> Ccm.Band.parse("mel"));
    }

    /** TERA's 20 % cap: floor(0.2 * 324) = 64 over the whole frame, floor(0.2 * 272) = 54 over the spectra. */
    @Test
    void cappedWidthIsUniformUpToTheCap() {
        Ccm tera = new Ccm(0.2, Ccm.Band.ALL);
        assertEquals(64, tera.maxWidth(324));
        assertEquals(54, new Ccm(0.2, Ccm.Band.SPECTRA).maxWidth(324));
        assertEquals(29, new Ccm(0.29, Ccm.Band.ALL).maxWidth(100)); // 0.29 * 100 is 28.999999999999996 in binary
        assertEquals(0, new Ccm(0, Ccm.Band.ALL).maxWidth(324));
        assertUniform(tera, 324, 1_000_000, 32);
        assertUniform(new Ccm(0.2, Ccm.Band.SPECTRA), 324, 1_000_000, 34);
        assertThrows(IllegalArgumentException.class, () -> new Ccm(1.5, Ccm.Band.ALL));
        assertThrows(IllegalArgumentException.class, () -> new Ccm(Double.NaN, Ccm.Band.ALL));
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
