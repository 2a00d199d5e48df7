package org.musicoder.pretrain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.Inference;
import org.musicoder.model.MusiCoderModel;

/**
 * A few hundred steps of tiny on a small fixed set of structured clips bring the masked loss on held-out clips
 * well below predicting 0 on the same masked cells. Both losses are computed here in float64 from the
 * reconstruction, independently of the training code's loss.
 */
class LearnsTest {
    @Test
    void maskedLossFallsBelowThePredictZeroBaseline() {
        var engine = Engines.pytorch(2);
        List<float[][]> all = SyntheticClips.make(3, 12, 120);
        List<float[][]> train = all.subList(0, 8);
        List<float[][]> heldOut = all.subList(8, 12);
        PretrainOptions opts = PretrainOptions.paper(Objective.CFM_CCM, 1).withBatch(8).withWarmup(100).withCrops(60, 120);
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), ResumeTest.TINY, opts, train);
                NDManager eval = NDManager.newBaseManager(Device.cpu(), Engines.PYTORCH)) {
            double[] before = heldOutLoss(p.model(), eval, heldOut, opts);
            float first = 0;
            float last = 0;
            int steps = 300;
            for (int i = 1; i <= steps; i++) {
                float l = p.step().loss();
                if (i <= 20) first += l / 20;
                if (i > steps - 20) last += l / 20;
            }
            double[] after = heldOutLoss(p.model(), eval, heldOut, opts);
            System.out.printf("training loss: first 20 steps %.4f, last 20 %.4f; held-out masked loss %.4f -> %.4f,"
                    + " predict-zero %.4f%n", first, last, before[0], after[0], after[1]);
            assertTrue(last < 0.5 * first, "training loss " + first + " -> " + last);
            assertTrue(after[0] < 0.5 * after[1], "held-out loss " + after[0] + " vs predict-zero " + after[1]);
            assertTrue(after[0] < before[0], "held-out loss " + before[0] + " -> " + after[0]);
        }
    }

    /** {model's masked Huber loss, predict-zero's} over the held-out clips, each masked by a fixed draw. */
    static double[] heldOutLoss(MusiCoderModel model, NDManager manager, List<float[][]> clips, PretrainOptions opts) {
        Masker masker = new Masker(opts.objective(), opts.ccm());
        MaskRng rng = new MaskRng(12345);
        double model_ = 0;
        double zero = 0;
        long cells = 0;
        for (float[][] clip : clips) {
            Masked m = masker.mask(clip, clip.length, rng);
            float[][] recon = Inference.run(model, manager, m.input()).reconstruction();
            for (int t = 0; t < clip.length; t++)
                for (int d = 0; d < clip[t].length; d++)
                    if (m.inLoss(t, d)) {
                        model_ += huber(recon[t][d] - clip[t][d]);
                        zero += huber(clip[t][d]);
                        cells++;
                    }
        }
        return new double[] {model_ / cells, zero / cells};
    }

    static double huber(double x) {
        double a = Math.abs(x);
        return a <= 1 ? 0.5 * a * a : a - 0.5;
    }
}
