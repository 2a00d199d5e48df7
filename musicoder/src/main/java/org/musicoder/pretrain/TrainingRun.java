package org.musicoder.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.musicoder.model.MusiCoderConfig;

/**
 * A pretraining run in an output folder: {@link TrainLog#FILE} (one line per step), {@link Checkpoint#FILE}
 * (every K steps and after the last one) and {@code model.safetensors} (the weights of each checkpoint, so a run can
 * be evaluated while it goes on). Killed at any moment, the
 * folder holds the last complete checkpoint, from which {@link #resume} continues.
 */
public final class TrainingRun {
    /** File name of the weights (of the last checkpoint, and at the end the final ones). */
    public static final String MODEL = "model.safetensors";

    /** Receives every step as it ends (for a progress line). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param r the step
         * @param seconds training time at its end (all runs)
         * @param target the step the run stops at
         */
        void stepped(StepResult r, double seconds, long target);
    }

    private TrainingRun() {}

    /**
     * Starts a new run in {@code out} (created if needed); an existing log there is replaced.
     *
     * @param engine the PyTorch engine
     * @param device where to train
     * @param config the model's size
     * @param options the recipe
     * @param clips CMVN features of the training clips
     * @param out the output folder
     * @param steps train until this step
     * @param every checkpoint interval in steps (at least 1)
     * @param listener gets every step
     * @throws IOException if a file cannot be written
     */
    public static void start(Engine engine, Device device, MusiCoderConfig config, PretrainOptions options,
                             List<float[][]> clips, Path out, long steps, int every, Listener listener) throws IOException {
        Files.createDirectories(out);
        try (Pretrainer p = Pretrainer.start(engine, device, config, options, clips)) {
            train(p, out, steps, every, listener);
        }
    }

    /**
     * Continues the run whose checkpoint is in {@code out}.
     *
     * @param engine the PyTorch engine
     * @param device where to train
     * @param clips the same clips as the first run, in the same order
     * @param out the output folder holding {@link Checkpoint#FILE}
     * @param steps train until this step (if the checkpoint is there already, only the model is written)
     * @param every checkpoint interval in steps
     * @param listener gets every step
     * @throws IOException if there is no loadable checkpoint or a file cannot be written
     */
    public static void resume(Engine engine, Device device, List<float[][]> clips, Path out, long steps, int every,
                              Listener listener) throws IOException {
        Path file = out.resolve(Checkpoint.FILE);
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no checkpoint to resume from");
        try (Pretrainer p = Pretrainer.resume(engine, device, Checkpoint.load(file), clips)) {
            train(p, out, steps, every, listener);
        }
    }

    private static void train(Pretrainer p, Path out, long steps, int every, Listener listener) throws IOException {
        try (RunFolder folder = RunFolder.open(p, out, every, steps)) {
            while (p.steps() < steps) {
                StepResult r = folder.step();
                if (listener != null) listener.stepped(r, p.seconds(), steps);
            }
            folder.finish();
        }
    }
}
