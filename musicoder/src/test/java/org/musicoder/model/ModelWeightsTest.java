package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.testutil.Fixtures;

class ModelWeightsTest {
    @TempDir
    Path dir;

    @Test
    void loadGivesTheSavedModel() throws IOException {
        Engine engine = Engines.pytorch(2);
        float[][] clip = java.util.Arrays.copyOf(Fixtures.npy("librosa/test10_wav/features_cmvn.npy").toFloat2d(), 50);
        try (NDManager manager = engine.newBaseManager()) {
            MusiCoderModel model = new MusiCoderModel(MusiCoderConfig.named("tiny"));
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 324));
            Path p = dir.resolve("model.safetensors");
            ModelWeights.save(model, p);
            MusiCoderModel loaded = ModelWeights.load(p, manager);
            assertEquals(model.config(), loaded.config());
            Inference.Output a = Inference.run(model, manager, clip);
            Inference.Output b = Inference.run(loaded, manager, clip);
            for (int i = 0; i < clip.length; i++) {
                assertArrayEquals(a.hidden()[i], b.hidden()[i]);
                assertArrayEquals(a.reconstruction()[i], b.reconstruction()[i]);
            }
        }
    }

    @Test
    void mismatchedFilesAreRefusedByName() throws IOException {
        Path p = dir.resolve("model.safetensors");
        try (NDManager manager = Engines.pytorch(1).newBaseManager()) {
            MusiCoderModel model = new MusiCoderModel(MusiCoderConfig.named("tiny"));
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 324));
            ModelWeights.save(model, p);
            SafeTensors.Contents c = SafeTensors.read(p);

            Map<String, SafeTensors.Tensor> t = new LinkedHashMap<>(c.tensors());
            t.remove("encoder.layers.1.norm2.bias");
            SafeTensors.write(p, t, c.metadata());
            IOException e = assertThrows(IOException.class, () -> ModelWeights.load(p, manager));
            assertTrue(e.getMessage().contains("missing tensor encoder.layers.1.norm2.bias"), e.getMessage());

            t = new LinkedHashMap<>(c.tensors());
            t.put("head.out.bias", new SafeTensors.Tensor(new long[] {3}, new float[3]));
            SafeTensors.write(p, t, c.metadata());
            e = assertThrows(IOException.class, () -> ModelWeights.load(p, manager));
            assertTrue(e.getMessage().contains("head.out.bias has shape [3]"), e.getMessage());

            SafeTensors.write(p, c.tensors(), Map.of("format", "pt"));
            e = assertThrows(IOException.class, () -> ModelWeights.load(p, manager));
            assertTrue(e.getMessage().contains("no \"config\""), e.getMessage());
        }
    }
}
