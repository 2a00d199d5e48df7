package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musicoder.masking.MaskRng;

class CropsTest {
    @Test
    void paperLengthsAreTenAndThirtyFiveSecondsInFrames() {
        assertEquals(1 + 441000 / 1024, Crops.MIN_FRAMES); // 431
        assertEquals(1 + 1543500 / 1024, Crops.MAX_FRAMES); // 1508
    }

    @Test
    void cropsAreContiguousRowsOfTheClipsPaddedWithZeros() {
        float[][] longClip = new float[50][3];
        float[][] shortClip = new float[4][3];
        for (int t = 0; t < 50; t++) longClip[t][0] = t + 1;
        for (int t = 0; t < 4; t++) shortClip[t][0] = 100 + t;
        Crops crops = new Crops(List.of(longClip, shortClip), 5, 10, 20, new MaskRng(1));
        int shortSeen = 0;
        for (int i = 0; i < 200; i++) {
            Batch b = crops.next();
            int rows = 0;
            for (int k = 0; k < 5; k++) {
                int len = b.lengths()[k];
                rows = Math.max(rows, len);
                float first = b.frames()[k][0][0];
                if (first >= 100) {
                    assertEquals(4, len, "a clip shorter than the crop is used whole");
                    assertEquals(100, first);
                    shortSeen++;
                } else {
                    assertTrue(len >= 10 && len <= 20, "length " + len);
                    assertTrue(first >= 1 && first + len - 1 <= 50);
                }
                for (int t = 0; t < len; t++) assertEquals(first + t, b.frames()[k][t][0]);
                for (int t = len; t < b.rows(); t++) assertArrayEquals(new float[3], b.frames()[k][t]);
            }
            assertEquals(rows, b.rows());
        }
        assertTrue(shortSeen > 300 && shortSeen < 700, "clips drawn uniformly: " + shortSeen + " of 1000");
    }

    @Test
    void theRngStateRepeatsTheBatches() {
        List<float[][]> clips = SyntheticClips.make(1, 3, 40);
        Crops a = new Crops(clips, 4, 5, 30, new MaskRng(9));
        a.next();
        long state = a.rng().state();
        Batch want = a.next();
        Crops b = new Crops(clips, 4, 5, 30, new MaskRng(state));
        Batch got = b.next();
        assertArrayEquals(want.lengths(), got.lengths());
        for (int k = 0; k < 4; k++)
            for (int t = 0; t < want.rows(); t++) assertArrayEquals(want.frames()[k][t], got.frames()[k][t]);
    }
}
