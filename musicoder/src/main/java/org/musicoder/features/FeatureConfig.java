package org.musicoder.features;

/**
 * The feature recipe (paper Table 3). Every parameter that librosa would otherwise default is pinned here;
 * {@link #PAPER} is the project's reading of the paper (see docs/features.md, "Choices the paper leaves open").
 *
 * @param sampleRate       Hz; input waveforms are resampled to it
 * @param nFft             STFT size and window length (samples)
 * @param hop              hop between frames (samples)
 * @param nChroma          chroma bins
 * @param nMfcc            MFCC coefficients
 * @param nMels            mel bands (Slaney scale and norm), for both MFCC and log-mel
 * @param deltaWidth       Savitzky-Golay window of the MFCC delta (frames, odd, >= 3)
 * @param cqtBins          log-CQT dims
 * @param cqtBinsPerOctave CQT resolution; 24 gives 6 octaves from C1 (the default reading)
 * @param cqtFmin          lowest CQT bin (Hz); C1 = 32.703 Hz
 * @param cqtVariant       which reading of the paper's 144 CQT dims
 * @param padMode          how frames are centred at the clip's edges
 * @param eps              floor in {@code ln(10 * S + eps)} for log-mel and log-CQT
 * @param stdFloor         CMVN divides by {@code max(std, stdFloor)}
 */
public record FeatureConfig(int sampleRate, int nFft, int hop, int nChroma, int nMfcc, int nMels, int deltaWidth,
                            int cqtBins, int cqtBinsPerOctave, double cqtFmin, CqtVariant cqtVariant,
                            PadMode padMode, double eps, double stdFloor) {

    /** The two readings of the paper's "144-bin CQT". */
    public enum CqtVariant {
        /** {@code cqt(n_bins=144, bins_per_octave=24)}: 6 octaves C1..~2.03 kHz (default). */
        CQT_24_BPO,
        /** {@code chroma_cqt(n_chroma=144)}: 144 pitch classes folded over octaves (another reimplementation's reading). */
        CHROMA_CQT_144
    }

    /** Edge padding of centred frames. */
    public enum PadMode {
        /** Zeros (librosa >= 0.10 default). */
        CONSTANT,
        /** Mirror without repeating the edge sample (numpy 'reflect'; librosa {@literal <} 0.10 default). */
        REFLECT
    }

    /** The default recipe: 44.1 kHz, n_fft 2048, hop 1024, 12+20+20+128+144 = 324 dims. */
    public static final FeatureConfig PAPER = new FeatureConfig(44100, 2048, 1024, 12, 20, 128, 9,
            144, 24, 32.70319566257483, CqtVariant.CQT_24_BPO, PadMode.CONSTANT, 1e-6, 1e-8);

    /** Total feature dims (324 for {@link #PAPER}). */
    public int dims() {
        return nChroma + 2 * nMfcc + nMels + cqtBins;
    }

    /**
     * A block of columns of the feature matrix.
     *
     * @param name block name: {@code chroma}, {@code mfcc}, {@code mfcc_delta}, {@code log_mel}, {@code log_cqt}
     * @param from first column (inclusive)
     * @param to   last column (exclusive)
     */
    public record Block(String name, int from, int to) {
        /** Number of columns. */
        public int width() {
            return to - from;
        }

        /** Mean of this block's columns over all frames of {@code features} ({@code [frames][dims]}). */
        public double mean(float[][] features) {
            double s = 0;
            for (float[] row : features)
                for (int c = from; c < to; c++) s += row[c];
            return features.length == 0 ? Double.NaN : s / ((double) features.length * width());
        }
    }

    /** The five blocks in column order: chroma, mfcc, mfcc_delta, log_mel, log_cqt. */
    public java.util.List<Block> blocks() {
        int a = nChroma, b = a + nMfcc, c = b + nMfcc, d = c + nMels;
        return java.util.List.of(new Block("chroma", 0, a), new Block("mfcc", a, b), new Block("mfcc_delta", b, c),
                new Block("log_mel", c, d), new Block("log_cqt", d, d + cqtBins));
    }

    /** Frames for a clip of {@code samples} samples: {@code 1 + samples / hop} (centred frames). */
    public int frames(long samples) {
        return (int) (1 + samples / hop);
    }

    /** A copy with another CQT reading. */
    public FeatureConfig withCqtVariant(CqtVariant v) {
        return new FeatureConfig(sampleRate, nFft, hop, nChroma, nMfcc, nMels, deltaWidth, cqtBins,
                cqtBinsPerOctave, cqtFmin, v, padMode, eps, stdFloor);
    }

    /** A copy with another edge padding. */
    public FeatureConfig withPadMode(PadMode p) {
        return new FeatureConfig(sampleRate, nFft, hop, nChroma, nMfcc, nMels, deltaWidth, cqtBins,
                cqtBinsPerOctave, cqtFmin, cqtVariant, p, eps, stdFloor);
    }

    /** A stable string naming every parameter; hashed by the feature cache. */
    public String recipe() {
        return "musicoder-features-v1 " + this;
    }
}
