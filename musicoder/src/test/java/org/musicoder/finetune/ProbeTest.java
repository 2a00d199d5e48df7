package org.musicoder.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import org.musicoder.testutil.Fixtures;

/**
 * The linear probe trains the head only: after two steps every encoder weight is bit-identical to its start and
 * the classifier has moved; full fine-tuning moves the encoder too, and neither touches pretraining's
 * reconstruction head; with either pooling.
 */
class ProbeTest {
    @Test
    void probeMovesOnlyTheHead() throws Exception {
        float[][] clip = Fixtures.npy("librosa/test10_wav/features_cmvn.npy").toFloat2d();
        List<Example> train = List.of(new Example(clip, new float[] {1, 0, 0}), new Example(Arrays.copyOf(clip, 120), new float[] {0, 0, 1}));
        for (Pooling pooling : Pooling.values()) for (boolean probe : new boolean[] {true, false}) {
            String what = (probe ? "probe" : "full") + ", " + pooling.label();
            try (FineTuner t = new FineTuner(Engines.pytorch(2), Device.cpu(), MusiCoderConfig.named("tiny"), null, Task.GENRE, 3,
                    new GridPoint(1, 1e-2, 1, 0.1f), probe, pooling, 9)) {
                Map<String, SafeTensors.Tensor> before = t.weights();
                t.train(train, null);
                Map<String, SafeTensors.Tensor> after = t.weights();
                for (String name : before.keySet()) {
                    boolean same = Arrays.equals(before.get(name).data(), after.get(name).data());
                    boolean shouldMove = name.startsWith("classifier.") || (!probe && !name.startsWith("head."));
                    if (shouldMove) assertFalse(same, what + ": " + name + " did not move");
                    else assertArrayEquals(before.get(name).data(), after.get(name).data(), 0f, what + ": " + name + " moved");
                }
            }
        }
    }
}
