package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import org.musicoder.masking.Span;
import org.musicoder.masking.SpanAction;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderModel;

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

    @Test
    void partsSplitTheCellsByWhatTheInputShowed() {
        Engines.pytorch(1);
        List<float[][]> clips = SyntheticClips.make(5, 6, 200);
        Masker masker = new Masker(Objective.CFM_CCM, Ccm.PAPER);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), Engines.PYTORCH)) {
            MusiCoderModel model = new MusiCoderModel(ResumeTest.TINY);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 200, 324));
            MaskedEvaluation.Result r = MaskedEvaluation.run(model, manager, clips, masker, 7);
            long cells = 0;
            double m = 0;
            double z = 0;
            double in = 0;
            for (MaskedEvaluation.Losses l : r.parts().values()) {
                cells += l.cells();
                m += l.model() * l.cells();
                z += l.zero() * l.cells();
                in += l.interpolation() * l.cells();
            }
            assertEquals(r.cells(), cells);
            assertEquals(r.model(), m / cells, 1e-12);
            assertEquals(r.zero(), z / cells, 1e-12);
            assertEquals(r.interpolation(), in / cells, 1e-12);

            // the same draws, counted here: frames of each action times 324, and CCM cells outside every span
            MaskRng rng = new MaskRng(7);
            long[] want = new long[4];
            for (float[][] clip : clips) {
                Masked mk = masker.mask(clip, clip.length, rng);
                for (Span s : mk.spans()) {
                    int part = s.action() == SpanAction.ZERO ? 0 : s.action() == SpanAction.RANDOM ? 1 : 2;
                    want[part] += 324L * s.length();
                }
                for (int t = 0; t < clip.length; t++)
                    if (!mk.chosen(t)) want[3] += mk.channels().map(b -> (long) b.width()).orElse(0L);
            }
            MaskedEvaluation.Part[] parts = MaskedEvaluation.Part.values();
            for (int i = 0; i < 4; i++) {
                MaskedEvaluation.Losses l = r.parts().get(parts[i]);
                assertEquals(want[i], l == null ? 0 : l.cells(), parts[i].name());
            }
            assertTrue(r.parts().get(MaskedEvaluation.Part.ZEROED).cells() > 0, "some spans zeroed");
            // CCM alone hides cells no frame shows: the interpolation baseline predicts 0 there
            MaskedEvaluation.Losses ch = r.parts().get(MaskedEvaluation.Part.CHANNELS);
            assertEquals(ch.zero(), ch.interpolation(), 1e-12);
        }
    }
}
