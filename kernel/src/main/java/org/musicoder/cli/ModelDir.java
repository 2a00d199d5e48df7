package org.musicoder.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.pretrain.TrainingRun;

/** The {@code --model} option of {@code embed} and {@code evaluate}: a pretraining folder or its weights file. */
final class ModelDir {
    private ModelDir() {}

    /** The weights file {@code model} names ({@code model/model.safetensors} for a folder), or null if absent. */
    static Path weights(Path model) {
        Path w = Files.isDirectory(model) ? model.resolve(TrainingRun.MODEL) : model;
        return Files.isRegularFile(w) ? w : null;
    }

    /** The one-line message for a {@code --model} without weights. */
    static String missing(Path model) {
        return "--model " + model + ": no " + TrainingRun.MODEL + " there";
    }
}
