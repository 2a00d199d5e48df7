package org.musicoder.features;

import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Power spectrogram {@code |STFT|^2}, as {@code np.abs(librosa.stft(y, n_fft, hop_length, win_length=n_fft,
 * window='hamming', center=True, pad_mode))**2}.
 *
 * <p>Frames are centred: frame {@code t} covers samples {@code [t*hop - n_fft/2, t*hop + n_fft/2)}, so a clip of
 * {@code n} samples gives {@code 1 + n / hop} frames, also when {@code n < n_fft} (librosa pads and only warns).
 * Samples outside the clip are zeros ({@link FeatureConfig.PadMode#CONSTANT}) or numpy 'reflect' mirror images
 * ({@link FeatureConfig.PadMode#REFLECT}). For 'reflect' librosa 1.0 pads the first and last frames from the
 * leading and trailing pieces of the clip only; this class mirrors inside the same pieces. That can differ from
 * reflecting the whole clip: with {@code n_fft = 2 hop} and {@code n} a multiple of {@code hop}, in the last
 * frame's final sample.
 *
 * <p>The window is the periodic Hamming window {@code 0.54 - 0.46 cos(2 pi k / n_fft)}. The FFT is single
 * precision: {@link FrameFft}, {@value #BLOCK} frames at a time, for power-of-two {@code n_fft}, else JTransforms'
 * real FFT frame by frame. Plans (window and FFT tables) are cached per {@code n_fft} and are thread-safe; each
 * thread keeps one {@link FrameFft.Batch} per {@code n_fft} ({@code n_fft BLOCK} floats, 1 MB for 2048).
 */
public final class Stft {
    private static final ConcurrentHashMap<Integer, Stft> PLANS = new ConcurrentHashMap<>();
    /** Frames transformed together (the block size of {@link #blocks}). */
    static final int BLOCK = 128;

    private final int nFft;
    private final float[] window;
    /** Exactly one of {@code batches} (power-of-two sizes) and {@code fft} is set. */
    private final ThreadLocal<FrameFft.Batch> batches;
    private final FloatFFT_1D fft;

    private Stft(int nFft) {
        if (nFft < 2 || nFft % 2 != 0) throw new IllegalArgumentException("Stft: n_fft must be even and >= 2, got " + nFft);
        this.nFft = nFft;
        this.window = new float[nFft];
        for (int k = 0; k < nFft; k++) window[k] = (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * k / nFft));
        boolean pow2 = nFft >= 4 && Integer.bitCount(nFft) == 1;
        this.batches = pow2 ? ThreadLocal.withInitial(() -> FrameFft.of(nFft).batch(BLOCK)) : null;
        this.fft = pow2 ? null : new FloatFFT_1D(nFft);
    }

    /** The cached plan for {@code nFft} (even). */
    private static Stft plan(int nFft) {
        return PLANS.computeIfAbsent(nFft, Stft::new);
    }

    /**
     * Power spectrogram of a clip.
     *
     * @param y   mono waveform at {@code cfg.sampleRate()}; any length (an empty clip gives one all-zero frame
     *            with {@code PadMode.CONSTANT}; 'reflect' needs at least one sample)
     * @param cfg uses {@code nFft}, {@code hop}, {@code padMode}
     * @return {@code |X|^2}, shape {@code [1 + nFft/2][cfg.frames(y.length)]} (frequency bins x frames)
     */
    public static float[][] power(float[] y, FeatureConfig cfg) {
        Stft plan = plan(cfg.nFft());
        float[][] out = new float[1 + cfg.nFft() / 2][1 + y.length / Math.max(1, cfg.hop())];
        plan.compute(y, cfg.hop(), cfg.padMode(), (block, t0, count) -> {
            for (int k = 0; k < out.length; k++) System.arraycopy(block[k], 0, out[k], t0, count);
        });
        return out;
    }

    /** Receives a power spectrogram block by block (see {@link #blocks}). */
    @FunctionalInterface
    public interface BlockSink {
        /**
         * @param block {@code |X|^2} of frames {@code t0 .. t0 + count - 1} in columns {@code 0 .. count - 1},
         *              shape {@code [1 + nFft/2][>= count]}; reused for the next block (copy what you keep)
         * @param t0    first frame of the block
         * @param count frames in the block, {@code >= 1}
         */
        void accept(float[][] block, int t0, int count);
    }

    /**
     * The power spectrogram of {@link #power}, handed to {@code sink} {@value #BLOCK} frames at a time, in order,
     * without ever holding the whole spectrogram (its consumers, e.g. {@link MelFilterbank#accumulate} and
     * {@link Chroma#accumulate}, read each block while it is still in cache).
     *
     * @param y    mono waveform at {@code cfg.sampleRate()}, as for {@link #power}
     * @param cfg  uses {@code nFft}, {@code hop}, {@code padMode}
     * @param sink receives the blocks; {@code cfg.frames(y.length)} frames in all
     */
    public static void blocks(float[] y, FeatureConfig cfg, BlockSink sink) {
        plan(cfg.nFft()).compute(y, cfg.hop(), cfg.padMode(), sink);
    }

    private void compute(float[] y, int hop, FeatureConfig.PadMode pad, BlockSink sink) {
        if (hop < 1) throw new IllegalArgumentException("Stft: hop must be >= 1, got " + hop);
        if (pad == FeatureConfig.PadMode.REFLECT && y.length == 0)
            throw new IllegalArgumentException("Stft: cannot reflect-pad an empty clip");
        int n = y.length;
        int frames = 1 + n / hop;
        float[][] block = new float[1 + nFft / 2][BLOCK];
        Padding padding = new Padding(n, nFft, hop, pad);
        if (batches != null) computeBatched(y, hop, padding, frames, block, sink);
        else computePerFrame(y, hop, padding, frames, block, sink);
    }

    /** Blocks of {@link #BLOCK} frames through {@link FrameFft}; padded edge frames are loaded one by one. */
    private void computeBatched(float[] y, int hop, Padding padding, int frames, float[][] block, BlockSink sink) {
        FrameFft.Batch batch = batches.get();
        float[] buf = null;
        for (int t0 = 0; t0 < frames; t0 += BLOCK) {
            int count = Math.min(BLOCK, frames - t0);
            int first = t0 * hop - nFft / 2;
            int b0 = 0;
            while (b0 < count && first + b0 * hop < 0) b0++;
            int b1 = b0;
            while (b1 < count && first + b1 * hop + nFft <= y.length) b1++;
            if (b1 > b0) batch.frames(b0, y, first + b0 * hop, hop, b1 - b0, window);
            for (int b = 0; b < count; b++) {
                if (b >= b0 && b < b1) continue;
                if (buf == null) buf = new float[nFft];
                padded(y, first + b * hop, t0 + b, padding, buf);
                batch.frame(b, buf, 0, window);
            }
            batch.transform();
            batch.power(block, 0, count);
            sink.accept(block, t0, count);
        }
    }

    /** JTransforms, one frame at a time (sizes that are not powers of two). */
    private void computePerFrame(float[] y, int hop, Padding padding, int frames, float[][] block, BlockSink sink) {
        float[][] spec = new float[BLOCK][nFft];
        for (int t0 = 0; t0 < frames; t0 += BLOCK) {
            int count = Math.min(BLOCK, frames - t0);
            for (int b = 0; b < count; b++) {
                padded(y, (t0 + b) * hop - nFft / 2, t0 + b, padding, spec[b]);
                for (int k = 0; k < nFft; k++) spec[b][k] *= window[k];
                fft.realForward(spec[b]);
            }
            transposePower(spec, count, block, 0);
            sink.accept(block, t0, count);
        }
    }

    /**
     * {@code |X_k|^2} of {@code count} packed real spectra (JTransforms' {@code realForward} layout) into
     * {@code out[k][t0 + b]}, {@code k = 0..n/2} with {@code n/2 = out.length - 1}.
     */
    static void transposePower(float[][] spec, int count, float[][] out, int t0) {
        int half = out.length - 1;
        for (int b = 0; b < count; b++) {
            out[0][t0 + b] = spec[b][0] * spec[b][0];
            out[half][t0 + b] = spec[b][1] * spec[b][1];
        }
        for (int k = 1; k < half; k++) {
            float[] row = out[k];
            for (int b = 0; b < count; b++) {
                float re = spec[b][2 * k];
                float im = spec[b][2 * k + 1];
                row[t0 + b] = re * re + im * im;
            }
        }
    }

    /** The (unwindowed) frame starting at sample {@code start}, which may lie outside the clip, into {@code buf}. */
    private void padded(float[] y, int start, int frame, Padding padding, float[] buf) {
        if (start >= 0 && start + nFft <= y.length) {
            System.arraycopy(y, start, buf, 0, nFft);
            return;
        }
        int lo = padding.segmentStart(frame);
        int hi = padding.segmentEnd(frame);
        for (int k = 0; k < nFft; k++) buf[k] = padding.sample(y, start + k, lo, hi);
    }

    /** Which samples an edge frame sees: librosa's padding of the leading and trailing pieces of the clip. */
    private static final class Padding {
        private final int n;
        private final boolean reflect;
        private final boolean whole;
        private final int startFrames;
        private final int tailFrame;
        private final int headEnd;
        private final int tailStart;

        Padding(int n, int nFft, int hop, FeatureConfig.PadMode mode) {
            int half = nFft / 2;
            this.n = n;
            this.reflect = mode == FeatureConfig.PadMode.REFLECT;
            this.startFrames = (half + hop - 1) / hop;
            this.tailFrame = Math.floorDiv(n + half - nFft, hop) + 1;
            this.whole = tailFrame <= startFrames;
            this.headEnd = Math.min(n, (startFrames - 1) * hop - half + nFft + 1);
            this.tailStart = tailFrame * hop - half;
        }

        int segmentStart(int frame) {
            return whole || frame < tailFrame ? 0 : tailStart;
        }

        int segmentEnd(int frame) {
            return whole || frame >= startFrames ? n : headEnd;
        }

        /** Sample {@code i} of the clip, or its padding mirrored within {@code [lo, hi)}. */
        float sample(float[] y, int i, int lo, int hi) {
            if (i >= lo && i < hi) return y[i];
            if (!reflect) return i >= 0 && i < n ? y[i] : 0f;
            int len = hi - lo;
            if (len == 1) return y[lo];
            int period = 2 * (len - 1);
            int r = Math.floorMod(i - lo, period);
            return y[lo + (r < len ? r : period - r)];
        }
    }
}
