package org.musicoder.features;

import java.util.function.ObjLongConsumer;

/**
 * Computes the five feature blocks of a clip: one power STFT feeds chroma, mel, MFCC (and its delta) and log-mel
 * (chroma and mel are summed block by block while the STFT runs, see {@link Stft#blocks});
 * the log-CQT comes from {@link Cqt}. Stateless apart from the optional timing sink; filterbanks, windows and FFT
 * plans are cached per configuration by the block classes, so one extractor may be shared between threads (if its
 * sink is thread-safe).
 */
public final class FeatureExtractor {
    /** The timed stages, in the order they run. */
    public enum Stage { STFT, CHROMA, MEL, MFCC, DELTA, LOG_MEL, CQT, LOG_CQT }

    private final ObjLongConsumer<Stage> timing;

    /** An extractor without timing. */
    public FeatureExtractor() {
        this((stage, nanos) -> {});
    }

    /** @param timing receives each stage's wall time in nanoseconds, once per stage and clip */
    public FeatureExtractor(ObjLongConsumer<Stage> timing) {
        this.timing = timing;
    }

    /**
     * All feature blocks of a clip.
     *
     * @param y   mono waveform, already at {@code cfg.sampleRate()}
     * @param cfg the recipe
     * @return the blocks; {@link Features#raw()} and {@link Features#cmvn()} give the {@code frames x dims} matrix
     */
    public Features extract(float[] y, FeatureConfig cfg) {
        long t0 = System.nanoTime();
        double[][] cqt = Cqt.magnitude(y, cfg);
        timing.accept(Stage.CQT, System.nanoTime() - t0);
        return extract(y, cfg, cqt);
    }

    /**
     * All feature blocks of a clip whose CQT magnitude is already known (computed elsewhere or cached).
     *
     * @param y            mono waveform, already at {@code cfg.sampleRate()}
     * @param cfg          the recipe
     * @param cqtMagnitude {@code |CQT|}, shape {@code [cfg.cqtBins()][frames]}, as {@link Cqt#magnitude} returns it
     * @return the blocks
     */
    public Features extract(float[] y, FeatureConfig cfg, double[][] cqtMagnitude) {
        long t = System.nanoTime();
        // chroma and mel are summed block by block as the STFT produces them (the spectrogram is never whole)
        Chroma chromaBank = Chroma.of(cfg);
        MelFilterbank melBank = MelFilterbank.of(cfg);
        int frames = cfg.frames(y.length);
        float[][] chroma = new float[cfg.nChroma()][frames];
        float[][] mel = new float[melBank.bands()][frames];
        long[] spent = new long[2];
        float[][] chromaBlock = new float[chroma.length][], melBlock = new float[mel.length][];
        for (int i = 0; i < chroma.length; i++) chromaBlock[i] = new float[Stft.BLOCK];
        for (int i = 0; i < mel.length; i++) melBlock[i] = new float[Stft.BLOCK];
        Stft.blocks(y, cfg, (block, t0, count) -> {
            long a = System.nanoTime();
            blockProduct(chromaBank::accumulate, block, count, chromaBlock, chroma, t0);
            long b = System.nanoTime();
            blockProduct(melBank::accumulate, block, count, melBlock, mel, t0);
            spent[0] += b - a;
            spent[1] += System.nanoTime() - b;
        });
        long now = System.nanoTime();
        timing.accept(Stage.STFT, now - t - spent[0] - spent[1]);
        t = now;
        Chroma.normalize(chroma);
        timing.accept(Stage.CHROMA, spent[0] + System.nanoTime() - t);
        timing.accept(Stage.MEL, spent[1]);
        t = System.nanoTime();
        float[][] mfcc = Mfcc.fromMelPower(mel, cfg.nMfcc());
        t = lap(Stage.MFCC, t);
        float[][] delta = Delta.of(mfcc, cfg.deltaWidth());
        t = lap(Stage.DELTA, t);
        float[][] logMel = LogMel.of(mel, cfg.eps());
        t = lap(Stage.LOG_MEL, t);
        float[][] logCqt = LogMel.of(cqtMagnitude, cfg.eps());
        lap(Stage.LOG_CQT, t);
        return new Features(chroma, mfcc, delta, logMel, logCqt, cfg);
    }

    /** A filterbank's accumulate method. */
    private interface Accumulate {
        void into(float[][] power, int col, int count, float[][] out);
    }

    /** One block's filterbank product, summed in a block-sized buffer, then copied to frames {@code t0..}. */
    private static void blockProduct(Accumulate bank, float[][] block, int count, float[][] buf, float[][] out,
                                     int t0) {
        for (float[] row : buf) java.util.Arrays.fill(row, 0, count, 0f);
        bank.into(block, 0, count, buf);
        for (int i = 0; i < out.length; i++) System.arraycopy(buf[i], 0, out[i], t0, count);
    }

    private long lap(Stage stage, long since) {
        long now = System.nanoTime();
        timing.accept(stage, now - since);
        return now;
    }
}
