package org.musicoder.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.model.ClassifierWeights;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.model.Pooling;
import org.musicoder.model.SafeTensors;
import org.musicoder.model.Task;
import org.musicoder.testutil.Fixtures;

/**
 * A fine-tuned model folder written and loaded back predicts what the trained model predicted, and its files say
 * what the issue asks (config, labels, weights with PyTorch names plus the head, validation scores).
 */
class FineTunedModelTest {
    @TempDir
    Path dir;

    @Test
    void roundTrip() throws Exception {
        MusiCoderConfig tiny = MusiCoderConfig.named("tiny");
        float[][] clip = Fixtures.npy("librosa/test10_wav/features_cmvn.npy").toFloat2d();
        float[][] longClip = new float[2000][];
        for (int i = 0; i < longClip.length; i++) longClip[i] = clip[i % clip.length];
        List<String> labels = List.of("calm", "dark", "happy");
        FineTuning.Setup setup = new FineTuning.Setup(tiny, null, Task.TAGS, labels, Grid.parse("batch=2;lr=1e-3;epochs=1;dropout=0.1"), false,
                Pooling.MEAN_STD, 4);
        GridPoint point = setup.grid().points().get(0);
        Engine engine = Engines.pytorch(2);
        List<float[][]> clips = List.of(clip, Arrays.copyOf(clip, 50), longClip);
        double[][] expected;
        Map<String, SafeTensors.Tensor> weights;
        try (FineTuner t = new FineTuner(engine, Device.cpu(), tiny, null, Task.TAGS, 3, point, false, Pooling.MEAN_STD, 4)) {
            t.train(List.of(new Example(clip, new float[] {1, 0, 1}), new Example(Arrays.copyOf(clip, 80), new float[] {0, 1, 0})), null);
            expected = t.predict(clips);
            weights = t.weights();
        }
        GridSearch.Result<Map<String, SafeTensors.Tensor>> result = new GridSearch.Result<>(setup.grid().points(), new double[] {0.75}, 0, weights);
        Path out = dir.resolve("ft");
        FineTunedModel.write(out, setup, result);
        for (String f : List.of("config.json", "labels.txt", "model.safetensors", "validation.json")) assertTrue(Files.isRegularFile(out.resolve(f)), f);
        assertEquals(List.of("calm", "dark", "happy"), Files.readAllLines(out.resolve("labels.txt")));
        JsonObject v = JsonParser.parseString(Files.readString(out.resolve("validation.json"))).getAsJsonObject();
        assertEquals("macro ROC-AUC", v.get("metric").getAsString());
        assertEquals(0.75, v.get("best_score").getAsDouble());
        Map<String, SafeTensors.Tensor> saved = SafeTensors.read(out.resolve("model.safetensors")).tensors();
        assertTrue(saved.containsKey("encoder.layers.1.self_attn.in_proj_weight"));
        assertArrayEquals(new long[] {3, 128}, saved.get("classifier.weight").shape(), "mean and std of H 64");
        JsonObject config = JsonParser.parseString(Files.readString(out.resolve("config.json"))).getAsJsonObject();
        assertEquals("mean+std", config.get("pooling").getAsString());

        try (FineTunedModel m = FineTunedModel.load(out)) {
            assertEquals(labels, m.labels());
            assertEquals(Task.TAGS, m.task());
            double[][] got = m.predict(clips);
            for (int i = 0; i < clips.size(); i++) assertArrayEquals(expected[i], got[i], 1e-6, "clip " + i);
            assertArrayEquals(expected[2], m.predict(longClip), 1e-6);
            assertEquals(Pooling.MEAN_STD, m.model().head().pooling());
        }

        // a model written before the pooling option (no "pooling" in its metadata) is a mean-pooling one
        Path old = dir.resolve("old.safetensors");
        Map<String, SafeTensors.Tensor> meanWeights = new java.util.LinkedHashMap<>(weights);
        SafeTensors.Tensor w = weights.get("classifier.weight");
        float[] half = new float[3 * 64];
        for (int r = 0; r < 3; r++) System.arraycopy(w.data(), r * 128, half, r * 64, 64);
        meanWeights.put("classifier.weight", new SafeTensors.Tensor(new long[] {3, 64}, half));
        Map<String, String> meta = new java.util.HashMap<>(SafeTensors.read(out.resolve("model.safetensors")).metadata());
        meta.remove(ClassifierWeights.POOLING_KEY);
        SafeTensors.write(old, meanWeights, meta);
        try (ai.djl.ndarray.NDManager mm = ai.djl.ndarray.NDManager.newBaseManager(Engines.PYTORCH)) {
            assertEquals(Pooling.MEAN, ClassifierWeights.load(old, mm).head().pooling());
        }

        Files.writeString(out.resolve("labels.txt"), "calm\ndark\n");
        IOException e = assertThrows(IOException.class, () -> FineTunedModel.load(out));
        assertTrue(e.getMessage().contains("2 labels, the model has 3 outputs"), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> FineTunedModel.load(dir.resolve("missing")));
        assertTrue(none.getMessage().contains("not a folder"), none.getMessage());
    }
}
