package org.musicoder.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.musicoder.audio.AudioLoader;

/**
 * Decode time per file of a corpus, one thread, in a warm JVM: for environment/bench-corpus.sh, against ffmpeg's
 * {@code -benchmark} time on the same files. Not a test.
 * {@code java -cp ... org.musicoder.bench.DecodeCorpus ROUNDS FILE...} decodes every file ROUNDS + 1 times (the
 * first round warms the JIT) and prints the median and the total of the last round's per-file milliseconds.
 */
public final class DecodeCorpus {
    private DecodeCorpus() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Path[] files = Arrays.stream(args, 1, args.length).map(Path::of).toArray(Path[]::new);
        double[] ms = new double[files.length];
        long samples = 0;
        for (int r = 0; r <= rounds; r++) {
            for (int i = 0; i < files.length; i++) {
                long t0 = System.nanoTime();
                samples += AudioLoader.load(files[i], 0, 0).samples().length;
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double total = Arrays.stream(ms).sum();
        Arrays.sort(ms);
        System.out.printf("ours: %d files, median %.1f ms per file, total %.0f ms (last round; %d samples in all)%n",
                files.length, ms[files.length / 2], total, samples);
    }
}
