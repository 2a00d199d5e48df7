package org.musicoder.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musicoder.model.Engines;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.StepBatch;

/**
 * The DJL half of an operation-by-operation profile of one training step (docs/benchmarks.md): draws
 * one CFM-masked batch as {@link StepBenchmark} does, writes it for the torch half
 * ({@code src/test/python/stepprofile.py}), runs WARMUP steps of {@link Pretrainer#step(NDList)}, then STEPS
 * steps under libtorch's profiler ({@code JniUtils.startProfile}, shapes recorded) and writes its chrome trace.
 * Not a test: it writes files and prints the mean step time with and without the profiler.
 *
 * <p>Usage: {@code StepProfile THREADS WARMUP STEPS OUT_DIR CONFIG}, CONFIG {@code name:hidden:layers:heads:batch:frames}
 * as in {@link StepBenchmark}. Writes {@code OUT_DIR/input.npy}, {@code target.npy}, {@code mask.npy} (the batch,
 * float32 {@code [B, T, 324]}; the mask 1 at the cells in the loss) and {@code OUT_DIR/djl-trace.json}.
 */
public final class StepProfile {
    private StepProfile() {}

    /**
     * Runs the profile.
     *
     * @param args THREADS WARMUP STEPS OUT_DIR CONFIG (see the class comment)
     * @throws Exception if the files cannot be written
     */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        StepSpec sp = StepSpec.parse(args[4]);
        Engine engine = Engines.pytorch(threads);
        try (Pretrainer p = sp.start(engine);
             NDManager arrays = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
            StepBatch drawn = p.nextBatch();
            NDList on = drawn.toArrays(arrays);
            sp.write(drawn, out);
            for (int i = 0; i < warmup; i++) p.step(on);
            long s = System.nanoTime();
            for (int i = 0; i < steps; i++) p.step(on);
            double plain = (System.nanoTime() - s) / 1e6 / steps;
            JniUtils.startProfile(false, true, false);
            s = System.nanoTime();
            for (int i = 0; i < steps; i++) p.step(on);
            double profiled = (System.nanoTime() - s) / 1e6 / steps;
            JniUtils.stopProfile(out.resolve("djl-trace.json").toString());
            System.out.printf("DJL %s: %.1f ms/step, %.1f ms/step under the profiler (%d steps each)%n",
                    sp.name(), plain, profiled, steps);
        }
    }
}
