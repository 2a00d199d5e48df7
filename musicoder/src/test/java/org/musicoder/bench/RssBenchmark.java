package org.musicoder.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.musicoder.masking.Objective;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.PretrainOptions;

/**
 * Whether DJL training leaks native memory: {@link Pretrainer#step()} of {@code tiny} (batch 8, crops of FRAMES
 * frames, objective cfm+ccm) for STEPS steps, VmRSS from {@code /proc/self/status} every EVERY steps. Prints the
 * series and the verdict: flat when every sample after WARMUP steps lies within 5 % of the first sample after
 * WARMUP. Not a test: it prints, it asserts nothing. Run by {@code environment/bench-step.sh}.
 *
 * <p>Usage: {@code RssBenchmark THREADS STEPS EVERY WARMUP FRAMES}.
 */
public final class RssBenchmark {
    private RssBenchmark() {}

    /**
     * Trains and prints the RSS series and the verdict.
     *
     * @param args THREADS STEPS EVERY WARMUP FRAMES (see the class comment)
     * @throws IOException if /proc/self/status cannot be read
     */
    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        int every = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int frames = Integer.parseInt(args[4]);
        Engine engine = Engines.pytorch(threads);
        Random r = new Random(1);
        List<float[][]> clips = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            float[][] c = new float[frames][MusiCoderConfig.FEATURES];
            for (float[] row : c) for (int j = 0; j < row.length; j++) row[j] = (float) r.nextGaussian();
            clips.add(c);
        }
        PretrainOptions options = PretrainOptions.paper(Objective.CFM_CCM, 0).withBatch(8).withCrops(frames, frames);
        List<long[]> series = new ArrayList<>();
        series.add(new long[] {0, rssKb()});
        long start = System.nanoTime();
        try (Pretrainer p = Pretrainer.start(engine, Device.cpu(), MusiCoderConfig.named("tiny"), options, clips)) {
            for (int s = 1; s <= steps; s++) {
                p.step();
                if (s % every == 0) series.add(new long[] {s, rssKb()});
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder("RSS MB by step:");
        long ref = -1;
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (long[] v : series) {
            line.append(String.format(" %d:%.1f", v[0], v[1] / 1024.0));
            if (v[0] >= warmup) {
                if (ref < 0) ref = v[1];
                lo = Math.min(lo, v[1]);
                hi = Math.max(hi, v[1]);
            }
        }
        System.out.println(line);
        double dev = Math.max(hi - ref, ref - lo) / (double) ref;
        System.out.printf("tiny, batch 8, %d frames, cfm+ccm, %d threads, %d steps in %.0f s; after step %d: "
                        + "%.1f-%.1f MB, max deviation from step %d's %.1f MB: %.1f %% -> %s%n",
                frames, threads, steps, seconds, warmup, lo / 1024.0, hi / 1024.0, warmup, ref / 1024.0, 100 * dev,
                dev <= 0.05 ? "FLAT (within 5 %)" : "NOT FLAT (more than 5 %)");
    }

    private static long rssKb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status")))
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        throw new IOException("/proc/self/status: no VmRSS line");
    }
}
