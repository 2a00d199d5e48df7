package org.musicoder.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaskRngTest {
    /** The JDK's SplittableRandom is SplitMix64 too: same seed, same longs and doubles. */
    @Test
    void matchesSplittableRandom() {
        for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, 0x9E3779B97F4A7C15L}) {
            MaskRng ours = new MaskRng(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) assertEquals(jdk.nextLong(), ours.nextLong(), "seed " + seed + " long " + i);
            for (int i = 0; i < 1000; i++) assertEquals(jdk.nextDouble(), ours.nextDouble(), "seed " + seed + " double " + i);
        }
    }

    /** Published first outputs of SplitMix64 from state 0 (the reference test vector). */
    @Test
    void referenceVector() {
        MaskRng rng = new MaskRng(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
    }

    @Test
    void restoreContinuesIdentically() {
        MaskRng a = new MaskRng(7);
        for (int i = 0; i < 10; i++) a.nextInt(13);
        long saved = a.state();
        long[] next = {a.nextLong(), a.nextInt(1000), Double.doubleToLongBits(a.nextDouble())};
        MaskRng b = new MaskRng(123);
        b.restore(saved);
        assertEquals(next[0], b.nextLong());
        assertEquals(next[1], b.nextInt(1000));
        assertEquals(next[2], Double.doubleToLongBits(b.nextDouble()));
    }

    @Test
    void nextIntIsUniform() {
        MaskRng rng = new MaskRng(3);
        int bound = 7;
        long[] counts = new long[bound];
        for (int i = 0; i < 700_000; i++) counts[rng.nextInt(bound)]++;
        double[] p = new double[bound];
        java.util.Arrays.fill(p, 1.0 / bound);
        Stats.assertFits("nextInt(7)", counts, p);
        // a bound just above 2^30 rejects almost half of the 31-bit draws; values must still be uniform (top vs bottom half)
        int big = (1 << 30) + 1;
        long low = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) if (rng.nextInt(big) < big / 2) low++;
        Stats.assertBinomial("nextInt(2^30+1) lower half", low, n, (double) (big / 2) / big);
        assertEquals(0, rng.nextInt(1));
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
    }
}
