package org.musicoder.masking;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an {@link Objective} to clips. Per clip, draws in order: CFM spans ({@link Cfm#draw}), then the CCM block
 * ({@link Ccm#draw}, drawn even for an all-padding clip). The input is copied, never modified.
 *
 * @param objective which masking to apply
 * @param ccm       CCM width rule ({@link Ccm#PAPER} or a capped one); unused for {@link Objective#CFM}
 */
public record Masker(Objective objective, Ccm ccm) {
    public Masker {
        if (objective == null || ccm == null) throw new IllegalArgumentException("Masker: objective and ccm required");
    }

    /**
     * @param clip   features, shape {@code [rows][dims]} ({@code rows >= 1}; rows past {@code frames} are padding)
     * @param frames unpadded frames, {@code 0 <= frames <= rows}
     * @param rng    random source (advanced)
     * @return the masked copy, loss mask and draws
     */
    public Masked mask(float[][] clip, int frames, MaskRng rng) {
        if (clip.length == 0) throw new IllegalArgumentException("Masker: clip has no rows");
        if (frames < 0 || frames > clip.length) {
            throw new IllegalArgumentException("Masker: " + frames + " unpadded frames in a clip of " + clip.length + " rows");
        }
        int dims = clip[0].length;
        float[][] out = new float[clip.length][];
        for (int t = 0; t < clip.length; t++) {
            if (clip[t].length != dims) throw new IllegalArgumentException("Masker: ragged rows (row " + t + ")");
            out[t] = clip[t].clone();
        }
        List<Span> spans = List.of();
        if (objective.frames()) {
            spans = Cfm.draw(frames, rng);
            Cfm.apply(clip, spans, out);
        }
        ChannelBlock block = null;
        if (objective.channels()) {
            block = ccm.draw(dims, rng);
            Ccm.apply(block, frames, out);
        }
        return new Masked(out, frames, spans, block);
    }

    /**
     * Masks a padded batch clip by clip, in order, from one random source.
     *
     * @param batch  features, shape {@code [clips][rows][dims]}
     * @param frames unpadded frames of each clip, length {@code clips}
     * @param rng    random source (advanced)
     * @return one result per clip
     */
    public List<Masked> maskBatch(float[][][] batch, int[] frames, MaskRng rng) {
        if (batch.length != frames.length) {
            throw new IllegalArgumentException("Masker: " + batch.length + " clips but " + frames.length + " lengths");
        }
        List<Masked> out = new ArrayList<>(batch.length);
        for (int i = 0; i < batch.length; i++) out.add(mask(batch[i], frames[i], rng));
        return out;
    }
}
