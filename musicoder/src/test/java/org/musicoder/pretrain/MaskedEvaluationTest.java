package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import org.musicoder.masking.Span;

class MaskedEvaluationTest {
    @Test
    void interpolationIsTheLineBetweenTheVisibleFramesAroundEachSpan() {
        // a ramp in time: frame t holds t + d / 10 in channel d; the line through the neighbours is exact
        float[][] clip = new float[40][3];
        for (int t = 0; t < 40; t++) for (int d = 0; d < 3; d++) clip[t][d] = t + d / 10f;
        Masked m = new Masker(Objective.CFM, Ccm.PAPER).mask(clip, 40, new MaskRng(4));
        float[][] interp = MaskedEvaluation.interpolation(m);
        int inner = 0;
        for (Span s : m.spans()) {
            boolean before = s.start() > 0 && !m.chosen(s.start() - 1);
            boolean after = s.end() < 40 && !m.chosen(s.end());
            for (int t = s.start(); t < s.end(); t++) {
                if (before && after) {
                    assertArrayEquals(clip[t], interp[t], 1e-5f, "frame " + t);
                    inner++;
                } else if (!before && s.start() == 0 && after) {
                    assertArrayEquals(clip[s.end()], interp[t], 1e-5f, "edge frame " + t + " copies the next frame");
                }
            }
        }
        assertTrue(inner > 0, "some span has visible frames on both sides");
        for (int t = 0; t < 40; t++) if (!m.chosen(t)) assertArrayEquals(clip[t], interp[t]);
    }

    @Test
    void ccmCellsOutsideSpansArePredictedAsZero() {
        float[][] clip = new float[30][324];
        for (float[] row : clip) java.util.Arrays.fill(row, 1f);
        MaskRng rng = new MaskRng(1);
        Masked m;
        do m = new Masker(Objective.CCM, Ccm.PAPER).mask(clip, 30, rng); while (m.channels().get().width() == 0);
        float[][] interp = MaskedEvaluation.interpolation(m);
        var b = m.channels().get();
        assertEquals(0f, interp[5][b.start()]);
        assertEquals(0.5, MaskedEvaluation.huber(1), 0);
        assertEquals(1.5, MaskedEvaluation.huber(-2), 0);
    }
}
