package org.musicoder.datasets.dedup;

import java.nio.file.Path;
import org.musicoder.audio.AudioException;
import org.musicoder.audio.AudioLoader;
import org.musicoder.features.FeatureConfig;
import org.musicoder.features.Stft;

/**
 * A binary audio fingerprint in the manner of Haitsma and Kalker (2002): one 32-bit word per frame, whose bit
 * {@code m} is the sign of the energy difference between bands {@code m} and {@code m + 1}, taken against the same
 * difference one frame earlier. Signs of energy differences survive re-encoding, resampling and gain changes, so
 * the same recording in two files gives nearly the same words, and unrelated audio differs in about half the bits.
 * <p>
 * Recipe: the waveform at {@value #SAMPLE_RATE} Hz, power STFT ({@link Stft}: {@value #N_FFT}-sample Hamming frames
 * of 0.37 s, hop {@value #HOP} samples = 11.6 ms), 33 bands spaced evenly in log frequency from {@value #LOW_HZ} to
 * {@value #HIGH_HZ} Hz. A frame whose band energy (this frame's or the previous one's) is below
 * {@value #QUIET_DBFS} dBFS is quiet: silence gives all-zero words, which match any other silence, so quiet frames
 * are neither indexed nor compared.
 *
 * @param words one 32-bit sub-fingerprint per frame; frame {@code i} is centred at {@code (i + 1) * HOP / SAMPLE_RATE}
 *              seconds into the clip
 * @param quiet whether frame {@code i} is quiet; same length as {@code words}
 */
public record Fingerprint(int[] words, boolean[] quiet) {
    /** The rate audio is resampled to before fingerprinting (Hz). */
    public static final int SAMPLE_RATE = 11025;
    /** STFT frame length (samples at {@link #SAMPLE_RATE}). */
    public static final int N_FFT = 4096;
    /** Hop between frames (samples at {@link #SAMPLE_RATE}). */
    public static final int HOP = 128;
    /** Seconds between frames: 128 / 11025 = 11.6 ms. */
    public static final double FRAME_SECONDS = (double) HOP / SAMPLE_RATE;
    /** Lowest band edge (Hz). */
    public static final double LOW_HZ = 300;
    /** Highest band edge (Hz). */
    public static final double HIGH_HZ = 2000;
    /** Bands; each word compares neighbouring bands, so it has one bit fewer. */
    public static final int BANDS = 33;
    /** A frame is quiet when the mean square of its 300 Hz - 2 kHz content is under this (dB re 1, samples in [-1, 1]). */
    public static final double QUIET_DBFS = -70;

    /** The STFT's settings (only rate, size, hop and zero padding matter to {@link Stft}). */
    private static final FeatureConfig STFT = stftConfig();

    public Fingerprint {
        if (words.length != quiet.length)
            throw new IllegalArgumentException("Fingerprint: " + words.length + " words but " + quiet.length + " quiet flags");
    }

    /**
     * Decodes a file ({@link AudioLoader}, any format it reads, resampled to {@value #SAMPLE_RATE} Hz) and
     * fingerprints it.
     *
     * @param file an audio file
     * @return its fingerprint
     * @throws AudioException if the file cannot be read or decoded (the message names the file and the reason)
     */
    public static Fingerprint of(Path file) throws AudioException {
        return of(AudioLoader.load(file, SAMPLE_RATE, 0, 0).samples());
    }

    /**
     * Fingerprints a waveform.
     *
     * @param y mono waveform at {@value #SAMPLE_RATE} Hz, values in [-1, 1]
     * @return {@code y.length / HOP} words (a word compares two STFT frames: the centred frames number
     *         {@code 1 + y.length / HOP})
     */
    public static Fingerprint of(float[] y) {
        int frames = STFT.frames(y.length);
        float[][] energy = new float[frames][];
        int[] bins = bandEdgeBins();
        Stft.blocks(y, STFT, (block, t0, count) -> {
            for (int b = 0; b < count; b++) {
                float[] e = new float[BANDS];
                for (int m = 0; m < BANDS; m++) {
                    double s = 0;
                    for (int k = bins[m]; k < bins[m + 1]; k++) s += block[k][b];
                    e[m] = (float) s;
                }
                energy[t0 + b] = e;
            }
        });
        double floor = quietFloor();
        int[] words = new int[Math.max(0, frames - 1)];
        boolean[] quiet = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            float[] prev = energy[i], cur = energy[i + 1];
            int w = 0;
            for (int m = 0; m < BANDS - 1; m++) {
                double d = (cur[m] - cur[m + 1]) - (prev[m] - prev[m + 1]);
                if (d > 0) w |= 1 << m;
            }
            words[i] = w;
            quiet[i] = sum(prev) < floor || sum(cur) < floor;
        }
        return new Fingerprint(words, quiet);
    }

    /** Number of frames. */
    public int length() {
        return words.length;
    }

    /** Duration covered by the frames (seconds). */
    public double seconds() {
        return words.length * FRAME_SECONDS;
    }

    /**
     * How well {@code other} matches this fingerprint when its frame 0 lies at this one's frame {@code offset}.
     *
     * @param other  the other fingerprint
     * @param offset this fingerprint's frame that {@code other}'s frame 0 falls on (may be negative)
     * @return the bit error rate over the frames both cover and neither has quiet, and how many frames that is
     */
    public Alignment align(Fingerprint other, int offset) {
        int from = Math.max(0, -offset), to = Math.min(other.length(), length() - offset);
        long errors = 0;
        int frames = 0;
        for (int j = from; j < to; j++) {
            int i = j + offset;
            if (quiet[i] || other.quiet[j]) continue;
            errors += Integer.bitCount(words[i] ^ other.words[j]);
            frames++;
        }
        return new Alignment(frames == 0 ? Double.NaN : errors / (32.0 * frames), frames);
    }

    /**
     * The result of {@link #align}.
     *
     * @param bitErrorRate differing bits / compared bits, in [0, 1]; about 0.5 for unrelated audio; NaN if no frame
     *                     was compared
     * @param frames       frames compared
     */
    public record Alignment(double bitErrorRate, int frames) {}

    private static FeatureConfig stftConfig() {
        FeatureConfig p = FeatureConfig.PAPER;
        return new FeatureConfig(SAMPLE_RATE, N_FFT, HOP, p.nChroma(), p.nMfcc(), p.nMels(), p.deltaWidth(), p.cqtBins(),
                p.cqtBinsPerOctave(), p.cqtFmin(), p.cqtVariant(), FeatureConfig.PadMode.CONSTANT, p.eps(), p.stdFloor());
    }

    /** The first STFT bin of each band, and one past the last band's last bin. */
    private static int[] bandEdgeBins() {
        int[] bins = new int[BANDS + 1];
        for (int m = 0; m <= BANDS; m++) {
            double hz = LOW_HZ * Math.pow(HIGH_HZ / LOW_HZ, (double) m / BANDS);
            bins[m] = (int) Math.round(hz * N_FFT / SAMPLE_RATE);
        }
        return bins;
    }

    /**
     * The summed band power of a frame whose 300 Hz - 2 kHz content has mean square {@code 10^(QUIET_DBFS / 10)}:
     * by Parseval, one-sided bins hold {@code mean square * N_FFT * sum(window^2) / 2}.
     */
    private static double quietFloor() {
        double windowEnergy = 0;
        for (int k = 0; k < N_FFT; k++) {
            double w = 0.54 - 0.46 * Math.cos(2 * Math.PI * k / N_FFT);
            windowEnergy += w * w;
        }
        return Math.pow(10, QUIET_DBFS / 10) * N_FFT * windowEnergy / 2;
    }

    private static double sum(float[] e) {
        double s = 0;
        for (float v : e) s += v;
        return s;
    }
}
