package org.musicoder.features;

import java.util.function.ObjLongConsumer;

/**
 * Computes the five feature blocks of a clip: one power STFT feeds chroma, mel, MFCC (and its delta) and log-mel;
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
        float[][] power = Stft.power(y, cfg);
        t = lap(Stage.STFT, t);
        float[][] chroma = Chroma.of(cfg).apply(power);
        t = lap(Stage.CHROMA, t);
        float[][] mel = MelFilterbank.of(cfg).apply(power);
        t = lap(Stage.MEL, t);
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

    private long lap(Stage stage, long since) {
        long now = System.nanoTime();
        timing.accept(stage, now - since);
        return now;
    }
}
