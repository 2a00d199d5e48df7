package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.io.Npy;
import org.musicoder.testutil.Fixtures;

/**
 * DJL's forward pass equals the PyTorch twin's ({@code torch.nn.TransformerEncoderLayer}, torch 1.13) on real
 * features: a randomly initialised model (fixed seed) is written to model.safetensors, the twin loads it
 * (strict state_dict) and both run, in eval mode, one clip and a padded batch of two clips of different lengths
 * whose padding holds real frames (so an unmasked padding would change the outputs). Metric, per output over the
 * valid frames: max |DJL - torch| / max |torch| <= 1e-4.
 */
class TwinEquivalenceTest {
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "base"})
    void forwardEqualsTorch(String name) throws Exception {
        MusiCoderConfig config = MusiCoderConfig.named(name);
        float[][] clipA = Fixtures.npy("librosa/test10_wav/features_cmvn.npy").toFloat2d();
        float[][] clipB = Fixtures.npy("librosa/test30_wav/features_cmvn.npy").toFloat2d();
        int t = clipA.length;
        int lengthB = 280;
        float[][][] batch = {clipA, java.util.Arrays.copyOfRange(clipB, 0, t)};
        int[] lengths = {t, lengthB};

        Engine engine = Engines.pytorch(2);
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(1234);
            MusiCoderModel model = new MusiCoderModel(config);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, config.inputDim()));
            assertEquals(config.parameterCount(), model.parameterCount(), "parameters counted from the blocks");
            Path weights = dir.resolve("model.safetensors");
            ModelWeights.save(model, weights);

            List<Inference.Output> djlBatch = Inference.run(model, manager, batch, lengths);
            Inference.Output djlSingle = Inference.run(model, manager, clipA);

            Npy.write(dir.resolve("batch.npy"), flatten(batch), batch.length, t, config.inputDim());
            String out = TorchTwin.run("forward", weights.toString(), dir.resolve("batch.npy").toString(),
                    lengths[0] + "," + lengths[1], dir.toString());
            assertTrue(out.contains("params " + config.parameterCount()), "twin's parameter count: " + out);
            float[] hidden = Npy.read(dir.resolve("hidden.npy")).toFloat();
            float[] head = Npy.read(dir.resolve("head.npy")).toFloat();
            int h = config.hidden();
            int d = config.inputDim();
            for (int b = 0; b < 2; b++) {
                report(name, "batch clip " + b + " hidden", djlBatch.get(b).hidden(), hidden, b * t, h);
                report(name, "batch clip " + b + " head", djlBatch.get(b).reconstruction(), head, b * t, d);
            }
            report(name, "single clip hidden", djlSingle.hidden(), hidden, 0, h);
            report(name, "single clip head", djlSingle.reconstruction(), head, 0, d);
        }
    }

    /** Compares {@code djl[T][w]} with rows {@code first..first+T-1} of the twin's flat output. */
    private static void report(String config, String what, float[][] djl, float[] torch, int first, int w) {
        double maxDiff = 0, maxRef = 0;
        for (int r = 0; r < djl.length; r++)
            for (int c = 0; c < w; c++) {
                double ref = torch[(first + r) * w + c];
                maxDiff = Math.max(maxDiff, Math.abs(djl[r][c] - ref));
                maxRef = Math.max(maxRef, Math.abs(ref));
            }
        double rel = maxDiff / maxRef;
        System.out.printf(Locale.ROOT, "twin %s %s (%d frames): max|diff| %.3g, max|torch| %.3g, relative %.3g%n",
                config, what, djl.length, maxDiff, maxRef, rel);
        assertTrue(rel <= TOLERANCE, config + " " + what + ": relative max difference " + rel + " > " + TOLERANCE);
    }

    private static float[] flatten(float[][][] batch) {
        int t = batch[0].length;
        int d = batch[0][0].length;
        float[] f = new float[batch.length * t * d];
        for (int b = 0; b < batch.length; b++)
            for (int i = 0; i < t; i++) System.arraycopy(batch[b][i], 0, f, (b * t + i) * d, d);
        return f;
    }
}
