package org.musicoder.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;
import org.musicoder.model.ClassifierWeights;
import org.musicoder.model.Engines;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.MusiCoderModel;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import org.musicoder.model.TorchTwin;
import org.musicoder.testutil.Fixtures;

/**
 * The fine-tuning classifier against its PyTorch twin ({@code twin.py classify}): tiny with dropout 0, a padded
 * batch of two real clips (300 and 200 frames), the pooled logits (mean, and mean+std pooling), the loss (cross-entropy for genre,
 * BCE-with-logits for tags) and the weights after one {@link FineTuner} step (Adam, lr 1e-3; the schedule's
 * first and only step is at the peak) against {@code torch.optim.Adam}'s. Bounds: logits and loss 1e-5
 * relative; every updated weight within 1e-5 of torch's, and the step itself within 1 % of lr.
 */
class ClassifierTwinTest {
    static final double LR = 1e-3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"GENRE, MEAN", "TAGS, MEAN", "GENRE, MEAN_STD", "TAGS, MEAN_STD"})
    void logitsLossAndOneStepEqualTorch(Task task, Pooling pooling) throws Exception {
        MusiCoderConfig tiny = MusiCoderConfig.named("tiny");
        MusiCoderConfig config = tiny.withDropout(0f);
        float[][] a = Arrays.copyOf(Fixtures.npy("librosa/test10_wav/features_cmvn.npy").toFloat2d(), 300);
        float[][] b = Arrays.copyOf(Fixtures.npy("librosa/test30_wav/features_cmvn.npy").toFloat2d(), 200);
        int classes = task == Task.GENRE ? 5 : 6;
        float[] ta = new float[classes];
        float[] tb = new float[classes];
        if (task == Task.GENRE) {
            ta[3] = 1;
            tb[1] = 1;
        } else {
            ta[0] = ta[2] = ta[5] = 1;
            tb[2] = tb[4] = 1;
        }
        Engine engine = Engines.pytorch(2);
        Path pre = dir.resolve("pre.safetensors");
        try (NDManager m = engine.newBaseManager()) {
            engine.setRandomSeed(11);
            MusiCoderModel encoder = new MusiCoderModel(config);
            encoder.initialize(m, DataType.FLOAT32, new Shape(1, 1, config.inputDim()));
            ModelWeights.save(encoder, pre);
        }
        try (FineTuner t = new FineTuner(engine, Device.cpu(), config, pre, task, classes, new GridPoint(2, LR, 1, 0f), false, pooling, 3)) {
            Map<String, SafeTensors.Tensor> before = t.weights();
            Path init = dir.resolve("init.safetensors");
            ClassifierWeights.save(before, config, task, classes, 0f, pooling, init);
            float[] logits;
            try (NDManager sm = NDManager.newBaseManager(Engines.PYTORCH)) {
                NDList in = Batches.padded(sm, List.of(a, b));
                logits = t.model().forward(new ParameterStore(sm, false), in, false).head().toFloatArray();
                Npy.write(dir.resolve("input.npy"), in.get(0).toFloatArray(), 2, 300, config.inputDim());
            }
            float[] target = new float[2 * classes];
            System.arraycopy(ta, 0, target, 0, classes);
            System.arraycopy(tb, 0, target, classes, classes);
            Npy.write(dir.resolve("target.npy"), target, 2, classes);
            List<Float> losses = new ArrayList<>();
            t.train(List.of(new Example(a, ta), new Example(b, tb)), (r, s, total) -> losses.add(r.loss()));
            assertEquals(1, losses.size(), "one step");

            String out = TorchTwin.run("classify", init.toString(), dir.resolve("input.npy").toString(),
                    dir.resolve("target.npy").toString(), "300,200", task.label(), Double.toString(LR), dir.toString());
            double torchLoss = Double.parseDouble(out.lines().filter(l -> l.startsWith("loss ")).findFirst().orElseThrow().substring(5));
            float[] torchLogits = Npy.read(dir.resolve("logits.npy")).toFloat();
            double rel = maxDiff(logits, torchLogits) / maxAbs(torchLogits);
            System.out.printf(Locale.ROOT, "%s %s: logits rel %.2e, loss DJL %.8f torch %.8f%n", task, pooling.label(), rel, losses.get(0), torchLoss);
            assertTrue(rel <= 1e-5, "logits differ from torch's by " + rel);
            assertEquals(torchLoss, losses.get(0), 1e-5 * Math.abs(torchLoss), "loss");

            Map<String, SafeTensors.Tensor> after = t.weights();
            Map<String, SafeTensors.Tensor> torchAfter = SafeTensors.read(dir.resolve("after.safetensors")).tensors();
            assertEquals(after.keySet(), torchAfter.keySet(), "parameter names");
            double worstWeight = 0, worstStep = 0;
            for (String name : after.keySet()) {
                float[] d = after.get(name).data();
                float[] r = torchAfter.get(name).data();
                float[] b0 = before.get(name).data();
                double w = maxDiff(d, r);
                double s = 0;
                for (int i = 0; i < d.length; i++) s = Math.max(s, Math.abs((d[i] - b0[i]) - (r[i] - b0[i])));
                worstWeight = Math.max(worstWeight, w);
                worstStep = Math.max(worstStep, s / LR);
                assertTrue(w <= 1e-5, name + ": weight after the step differs from torch's by " + w);
                assertTrue(s <= 0.01 * LR, name + ": the step differs from torch's by " + s / LR + " of lr");
            }
            System.out.printf(Locale.ROOT, "%s: after one step max |weight diff| %.2e, max step diff %.2e lr%n", task, worstWeight, worstStep);
            assertTrue(maxDiff(after.get("classifier.weight").data(), before.get("classifier.weight").data()) > 0.5 * LR,
                    "the step moved the classifier");
        }
    }

    private static double maxDiff(float[] x, float[] y) {
        assertEquals(y.length, x.length, "sizes");
        double m = 0;
        for (int i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
        return m;
    }

    private static double maxAbs(float[] x) {
        double m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        return m;
    }
}
