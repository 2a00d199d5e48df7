package org.musicoder.masking;

import java.util.List;
import java.util.Optional;

/**
 * One masked clip: the model's input, the loss mask and what was drawn (for drawing it). The loss mask is kept
 * compact: cell {@code (t, d)} is in the loss iff {@code t < frames} and (frame {@code t} is in a CFM span or channel
 * {@code d} is in the CCM block).
 */
public final class Masked {
    private final float[][] input;
    private final int frames;
    private final List<Span> spans;
    private final ChannelBlock channels;
    private final boolean[] chosen;

    /**
     * @param input    masked input, shape {@code [rows][dims]} with {@code rows >= frames}; owned by this object
     * @param frames   unpadded frames
     * @param spans    CFM spans (empty without CFM)
     * @param channels CCM block, or null without CCM
     */
    Masked(float[][] input, int frames, List<Span> spans, ChannelBlock channels) {
        this.input = input;
        this.frames = frames;
        this.spans = List.copyOf(spans);
        this.channels = channels;
        this.chosen = new boolean[frames];
        for (Span s : spans) {
            for (int t = s.start(); t < s.end(); t++) chosen[t] = true;
        }
    }

    /**
     * @return the masked input, shape {@code [rows][dims]} (padded rows as given); a fresh array made for this result,
     *         returned without copying: do not modify it if the result is shared
     */
    public float[][] input() {
        return input;
    }

    /** @return unpadded frames */
    public int frames() {
        return frames;
    }

    /** @return CFM spans in the order drawn (empty without CFM) */
    public List<Span> spans() {
        return spans;
    }

    /** @return the CCM block (empty without CCM) */
    public Optional<ChannelBlock> channels() {
        return Optional.ofNullable(channels);
    }

    /**
     * @param t frame
     * @return whether CFM chose it (false for padded frames)
     */
    public boolean chosen(int t) {
        return t < frames && chosen[t];
    }

    /**
     * @param t frame
     * @param d channel
     * @return whether cell {@code (t, d)} is in the loss
     */
    public boolean inLoss(int t, int d) {
        return t < frames && (chosen[t] || channels != null && channels.contains(d));
    }

    /** @return the loss mask, shape {@code [rows][dims]} like {@link #input()} */
    public boolean[][] lossMask() {
        boolean[][] mask = new boolean[input.length][input[0].length];
        for (int t = 0; t < frames; t++) {
            for (int d = 0; d < mask[t].length; d++) mask[t][d] = inLoss(t, d);
        }
        return mask;
    }

    /** @return number of cells in the loss */
    public long lossCells() {
        int dims = input[0].length;
        int width = channels == null ? 0 : channels.width();
        long cells = 0;
        for (int t = 0; t < frames; t++) cells += chosen[t] ? dims : width;
        return cells;
    }
}
