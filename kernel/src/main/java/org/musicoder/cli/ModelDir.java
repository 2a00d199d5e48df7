package org.musicoder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.datasets.DemoEncoder;
import org.musicoder.pretrain.TrainingRun;

/** The {@code --model} option of {@code embed} and {@code evaluate}: {@code demo}, a pretraining folder or its weights file. */
final class ModelDir {
    private ModelDir() {}

    /**
     * The weights file {@code model} names: the shipped demo encoder for {@code demo} ({@code ./demo} for a folder of
     * that name), {@code model/model.safetensors} for a folder, or the file; null if absent.
     *
     * @throws IOException if the demo encoder cannot be extracted to the cache (its message says why)
     */
    static Path weights(Path model) throws IOException {
        if (model.toString().equals(DemoEncoder.NAME)) return DemoEncoder.extract(Cache.defaultDir());
        Path w = Files.isDirectory(model) ? model.resolve(TrainingRun.MODEL) : model;
        return Files.isRegularFile(w) ? w : null;
    }

    /** The one-line message for a {@code --model} without weights. */
    static String missing(Path model) {
        return "--model " + model + ": no " + TrainingRun.MODEL + " there";
    }
}
