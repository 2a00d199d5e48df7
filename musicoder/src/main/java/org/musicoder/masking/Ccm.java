package org.musicoder.masking;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import org.musicoder.features.FeatureConfig;

/**
 * Contiguous channels masking (paper 3.3): one block of consecutive channels set to 0 on every unpadded frame, all of
 * its cells in the loss. The block lies in a {@link Band} of channels {@code [from, to)}: the width is uniform in
 * {@code {0, ..., maxWidth}} and, given the width {@code n}, the start is uniform in {@code {from, ..., to - n}}
 * (draws in that order). The paper applies CCM "for log-mel spectrum and log-CQT features": {@link Band#SPECTRA},
 * columns 52-323, with {@code maxWidth} the whole band (272): {@link #PAPER}. {@link Band#ALL} is the whole-frame
 * reading (columns 0-323). The cap is a fraction of the band, {@code maxWidth = floor(maxFraction * (to - from))},
 * with the fraction taken as its shortest decimal (so 0.2 of 324 is 64, TERA's 20 %). A width of 0 masks nothing
 * (probability {@code 1 / (maxWidth + 1)}), so a CCM-only clip can have an empty loss mask.
 */
public final class Ccm {
    /** The paper's reading: the log-mel and log-CQT columns, width uniform over all of {@code {0, ..., 272}}. */
    public static final Ccm PAPER = new Ccm(1.0, Band.SPECTRA);

    /** Where CCM's block may lie. */
    public enum Band {
        /** The log-mel and log-CQT columns of the paper's features (52-323); needs 324-channel frames. */
        SPECTRA,
        /** Every channel of the frame. */
        ALL;

        /** First channel of the band in frames of {@code dims} channels. */
        public int from(int dims) {
            return this == ALL ? 0 : check(dims).blocks().get(3).from();
        }

        /** One past the last channel of the band in frames of {@code dims} channels. */
        public int to(int dims) {
            return this == ALL ? dims : check(dims).blocks().get(4).to();
        }

        private static FeatureConfig check(int dims) {
            if (dims != FeatureConfig.PAPER.dims())
                throw new IllegalArgumentException("Ccm: band spectra needs the paper's " + FeatureConfig.PAPER.dims()
                        + " features per frame, got " + dims + " (use band all)");
            return FeatureConfig.PAPER;
        }

        /** The option value: {@code spectra} or {@code all}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param s {@code spectra} or {@code all} (any case)
         * @return the band
         * @throws IllegalArgumentException for anything else
         */
        public static Band parse(String s) {
            for (Band b : values()) if (b.toString().equalsIgnoreCase(s.trim())) return b;
            throw new IllegalArgumentException("Ccm: unknown band '" + s + "' (expected spectra or all)");
        }
    }

    private final double maxFraction;
    private final Band band;

    /**
     * @param maxFraction largest block width as a fraction of the band, in {@code [0, 1]}
     * @param band where the block may lie
     */
    public Ccm(double maxFraction, Band band) {
        if (!(maxFraction >= 0 && maxFraction <= 1)) {
            throw new IllegalArgumentException("Ccm: max width fraction must be in [0, 1], got " + maxFraction);
        }
        if (band == null) throw new IllegalArgumentException("Ccm: no band");
        this.maxFraction = maxFraction;
        this.band = band;
    }

    /** @return the largest block width as a fraction of the band */
    public double maxFraction() {
        return maxFraction;
    }

    /** @return where the block may lie */
    public Band band() {
        return band;
    }

    /**
     * @param dims channels per frame (324)
     * @return largest block width (channels), {@code floor(maxFraction * band width)}
     */
    public int maxWidth(int dims) {
        int span = band.to(dims) - band.from(dims);
        return BigDecimal.valueOf(maxFraction).multiply(BigDecimal.valueOf(span)).intValue();
    }

    /**
     * @param dims channels per frame (324), {@code >= 0}
     * @param rng  random source (advanced by two {@link MaskRng#nextInt} draws: width, then start)
     * @return the block, inside the band
     */
    public ChannelBlock draw(int dims, MaskRng rng) {
        if (dims < 0) throw new IllegalArgumentException("Ccm: negative channel count " + dims);
        int from = band.from(dims);
        int width = rng.nextInt(maxWidth(dims) + 1);
        int start = from + rng.nextInt(band.to(dims) - from - width + 1);
        return new ChannelBlock(start, width);
    }

    /**
     * @param block  the block to zero
     * @param frames unpadded frames; padded rows are left alone
     * @param out    input to mask in place, shape {@code [>= frames][dims]}
     */
    public static void apply(ChannelBlock block, int frames, float[][] out) {
        for (int t = 0; t < frames; t++) {
            Arrays.fill(out[t], block.start(), block.start() + block.width(), 0f);
        }
    }
}
