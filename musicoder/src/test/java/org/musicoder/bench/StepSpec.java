package org.musicoder.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.musicoder.io.Npy;
import org.musicoder.masking.Objective;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.PretrainOptions;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.StepBatch;

/**
 * One benchmarked training configuration, {@code name:hidden:layers:heads:batch:frames} on the command line of
 * {@link StepBenchmark} and {@link StepProfile}: the model (feed-forward 4H, the paper's dropout), the batch size
 * and the frames per clip.
 *
 * @param name   the configuration's name (printed)
 * @param config the model
 * @param batch  clips per step
 * @param frames frames per clip (every crop a whole clip: no padding)
 */
record StepSpec(String name, MusiCoderConfig config, int batch, int frames) {
    /** Parses {@code name:hidden:layers:heads:batch:frames}. */
    static StepSpec parse(String spec) {
        String[] f = spec.split(":");
        int hidden = Integer.parseInt(f[1]);
        MusiCoderConfig config = new MusiCoderConfig(f[0], Integer.parseInt(f[2]), hidden, Integer.parseInt(f[3]),
                4 * hidden, MusiCoderConfig.DROPOUT, MusiCoderConfig.FEATURES, MusiCoderConfig.MAX_FRAMES,
                MusiCoderConfig.Position.SINUSOIDAL);
        return new StepSpec(f[0], config, Integer.parseInt(f[4]), Integer.parseInt(f[5]));
    }

    /** A CFM pretrainer of this configuration on {@link #clips random clips}, crops of exactly {@code frames}. */
    Pretrainer start(Engine engine) {
        return Pretrainer.start(engine, Device.cpu(), config,
                PretrainOptions.paper(Objective.CFM, 0).withBatch(batch).withCrops(frames, frames), clips());
    }

    /**
     * Writes a drawn batch for the PyTorch twin: {@code dir/input.npy}, {@code target.npy} and {@code mask.npy}
     * (float32 {@code [batch, frames, 324]}; the mask 1 at the cells in the loss, else 0).
     */
    void write(StepBatch drawn, Path dir) throws IOException {
        int d = config.inputDim();
        Npy.write(dir.resolve("input.npy"), drawn.input(), batch, frames, d);
        Npy.write(dir.resolve("target.npy"), drawn.target(), batch, frames, d);
        boolean[] mask = drawn.lossMask();
        float[] ones = new float[mask.length];
        for (int i = 0; i < mask.length; i++) ones[i] = mask[i] ? 1 : 0;
        Npy.write(dir.resolve("mask.npy"), ones, batch, frames, d);
    }

    /** {@code batch} random clips of exactly {@code frames} frames (seeded). */
    List<float[][]> clips() {
        Random r = new Random(1);
        List<float[][]> clips = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            float[][] c = new float[frames][MusiCoderConfig.FEATURES];
            for (float[] row : c) for (int j = 0; j < row.length; j++) row[j] = (float) r.nextGaussian();
            clips.add(c);
        }
        return clips;
    }
}
