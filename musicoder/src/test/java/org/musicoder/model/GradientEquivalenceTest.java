package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Objective;
import org.musicoder.pretrain.Batch;
import org.musicoder.pretrain.MaskedHuber;
import org.musicoder.pretrain.StepBatch;
import org.musicoder.testutil.Collector;
import org.musicoder.testutil.Fixtures;

/**
 * One pretraining step's gradients in DJL equal PyTorch's: tiny with dropout 0 (the engines draw dropout
 * differently), a padded batch of two real clips masked by CFM + CCM, the masked Huber loss of the head's output
 * against the original frames, backward; the twin ({@code twin.py grad}) loads the same weights and computes
 * the same loss with {@code torch.nn.functional.huber_loss} and its gradients. Metric per parameter:
 * max |DJL - torch| / max |torch| <= 1e-4; the losses agree to 1e-5 relative. The garbage collector runs between
 * DJL's forward and backward pass.
 */
class GradientEquivalenceTest {
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(MusiCoderConfig.Position.class)
    void gradientsEqualTorch(MusiCoderConfig.Position position) throws Exception {
        MusiCoderConfig config = MusiCoderConfig.named("tiny").withDropout(0f).withPosition(position);
        float[][] clipA = Fixtures.npy("librosa/test10_wav/features_cmvn.npy").toFloat2d();
        float[][] clipB = Fixtures.npy("librosa/test30_wav/features_cmvn.npy").toFloat2d();
        int t = clipA.length;
        int d = config.inputDim();
        float[][][] batch = {clipA, Arrays.copyOfRange(clipB, 0, t)};
        int[] lengths = {t, 280};
        List<Masked> masked = new Masker(Objective.CFM_CCM, Ccm.PAPER).maskBatch(batch, lengths, new MaskRng(7));
        StepBatch drawn = StepBatch.of(new Batch(batch, lengths), masked);
        long cells = drawn.cells();
        float[] mask = new float[2 * t * d];
        for (int i = 0; i < mask.length; i++) mask[i] = drawn.lossMask()[i] ? 1 : 0;
        assertTrue(cells > 0, "the masking chose cells");

        Engine engine = Engines.pytorch(2);
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(99);
            MusiCoderModel model = new MusiCoderModel(config);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, d));
            Path weights = dir.resolve("model.safetensors");
            ModelWeights.save(model, weights);
            Map<String, Parameter> params = ModelWeights.byTorchName(model);
            float djlLoss;
            try (NDManager sm = manager.newSubManager()) {
                NDList arrays = drawn.toArrays(sm);
                try (GradientCollector gc = engine.newGradientCollector()) {
                    NDList out = model.forward(new ParameterStore(sm, false), new NDList(arrays.get(0), arrays.get(3)), true);
                    NDArray loss = MaskedHuber.loss(out.get(1), arrays.get(1), arrays.get(2));
                    // a collection between forward and backward must not change the gradients (it did while
                    // autograd kept scalars whose memory was a freed Java buffer; see Scalars)
                    Collector.collectAndFreeDirectBuffers();
                    gc.backward(loss);
                    djlLoss = loss.getFloat();
                }
                Npy.write(dir.resolve("input.npy"), drawn.input(), 2, t, d);
                Npy.write(dir.resolve("target.npy"), drawn.target(), 2, t, d);
                Npy.write(dir.resolve("mask.npy"), mask, 2, t, d);
                String out = TorchTwin.run("grad", weights.toString(), dir.resolve("input.npy").toString(),
                        dir.resolve("target.npy").toString(), dir.resolve("mask.npy").toString(),
                        lengths[0] + "," + lengths[1], dir.toString());
                double torchLoss = Double.parseDouble(out.lines().filter(l -> l.startsWith("loss ")).findFirst()
                        .orElseThrow().substring(5));
                System.out.printf(Locale.ROOT, "loss: DJL %.7f, torch %.7f (%d cells)%n", djlLoss, torchLoss, cells);
                assertEquals(torchLoss, djlLoss, 1e-5 * Math.abs(torchLoss), "loss");
                Map<String, SafeTensors.Tensor> grads = SafeTensors.read(dir.resolve("grads.safetensors")).tensors();
                assertEquals(params.keySet(), grads.keySet(), "parameter names");
                for (Map.Entry<String, Parameter> e : params.entrySet()) {
                    float[] djl = e.getValue().getArray().getGradient().toFloatArray();
                    float[] ref = grads.get(e.getKey()).data();
                    assertEquals(ref.length, djl.length, e.getKey() + " size");
                    double maxDiff = 0, maxRef = 0;
                    for (int i = 0; i < ref.length; i++) {
                        maxDiff = Math.max(maxDiff, Math.abs(djl[i] - ref[i]));
                        maxRef = Math.max(maxRef, Math.abs(ref[i]));
                    }
                    double rel = maxDiff / maxRef;
                    System.out.printf(Locale.ROOT, "%-40s max|torch| %.3e  rel diff %.2e%n", e.getKey(), maxRef, rel);
                    assertTrue(maxRef > 0, e.getKey() + ": torch's gradient is all zero");
                    assertTrue(rel <= TOLERANCE, e.getKey() + ": gradient differs from torch's by " + rel);
                }
            }
        }
    }
}
