package org.musicoder.pretrain;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.musicoder.masking.MaskRng;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Masker;
import org.musicoder.masking.Span;
import org.musicoder.masking.SpanAction;
import org.musicoder.model.Inference;
import org.musicoder.model.MusiCoderModel;

/**
 * The masked reconstruction loss of a model on held-out clips against two baselines on the same masked cells:
 * predicting 0 (the CMVN mean), and linear interpolation in time between the visible frames around each CFM span
 * (the nearest one at a clip's edge; cells masked by CCM alone get 0, as no frame shows them). Each clip (its
 * first {@code max_frames} frames) is masked once with draws from a fixed seed and run in eval mode. Huber
 * (delta 1) in float64, averaged over all masked cells of all clips, and per part ({@link Part}): the model is told
 * where a zeroed span is, but not where a replaced or kept one is, while interpolation always knows.
 */
public final class MaskedEvaluation {
    private MaskedEvaluation() {}

    /**
     * The three losses.
     *
     * @param model the model's masked Huber loss
     * @param zero predicting 0
     * @param interpolation linear interpolation across CFM spans
     * @param cells masked cells counted
     */
    public record Result(double model, double zero, double interpolation, long cells, Map<Part, Losses> parts) {}

    /** The masked cells by what the input showed there. */
    public enum Part {
        /** frames of spans set to 0 ({@link SpanAction#ZERO}) */
        ZEROED,
        /** frames of spans replaced by other frames of the clip ({@link SpanAction#RANDOM}) */
        REPLACED,
        /** frames of spans left unchanged ({@link SpanAction#KEEP}) */
        KEPT,
        /** cells hidden by CCM alone, outside every CFM span */
        CHANNELS
    }

    /**
     * The losses of one part.
     *
     * @param model the model's mean Huber loss
     * @param zero predicting 0
     * @param interpolation linear interpolation
     * @param cells cells counted
     */
    public record Losses(double model, double zero, double interpolation, long cells) {}

    /**
     * @param model a trained model
     * @param manager a manager on the model's device
     * @param clips CMVN features of the held-out clips
     * @param masker the objective's masking
     * @param seed seed of the masking draws
     * @return the losses
     */
    public static Result run(MusiCoderModel model, NDManager manager, List<float[][]> clips, Masker masker, long seed) {
        MaskRng rng = new MaskRng(seed);
        int parts = Part.values().length;
        double[] m = new double[parts];
        double[] z = new double[parts];
        double[] in = new double[parts];
        long[] cells = new long[parts];
        for (float[][] full : clips) {
            float[][] clip = full.length > model.config().maxFrames()
                    ? Arrays.copyOf(full, model.config().maxFrames()) : full;
            Masked masked = masker.mask(clip, clip.length, rng);
            float[][] recon = Inference.run(model, manager, masked.input()).reconstruction();
            float[][] interp = interpolation(masked);
            Part[] part = parts(masked);
            for (int t = 0; t < clip.length; t++)
                for (int d = 0; d < clip[t].length; d++)
                    if (masked.inLoss(t, d)) {
                        int p = part[t].ordinal();
                        m[p] += huber(recon[t][d] - clip[t][d]);
                        z[p] += huber(clip[t][d]);
                        in[p] += huber(interp[t][d] - clip[t][d]);
                        cells[p]++;
                    }
        }
        Map<Part, Losses> byPart = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            int i = p.ordinal();
            if (cells[i] > 0) byPart.put(p, new Losses(m[i] / cells[i], z[i] / cells[i], in[i] / cells[i], cells[i]));
        }
        long n = Math.max(Arrays.stream(cells).sum(), 1);
        return new Result(Arrays.stream(m).sum() / n, Arrays.stream(z).sum() / n, Arrays.stream(in).sum() / n,
                Arrays.stream(cells).sum(), byPart);
    }

    /** The part of each frame: its span's action, or {@link Part#CHANNELS} outside every span. */
    private static Part[] parts(Masked masked) {
        Part[] part = new Part[masked.input().length];
        Arrays.fill(part, Part.CHANNELS);
        for (Span s : masked.spans()) {
            Part p = switch (s.action()) {
                case ZERO -> Part.ZEROED;
                case RANDOM -> Part.REPLACED;
                case KEEP -> Part.KEPT;
            };
            Arrays.fill(part, s.start(), s.end(), p);
        }
        return part;
    }

    /**
     * The interpolation baseline of one masked clip: the visible input with each CFM span replaced by the line
     * between the frames around it (the nearest one at a clip's edge); cells masked by CCM alone are 0.
     *
     * @param masked a masked clip
     * @return {@code [rows][dims]}, a new array
     */
    public static float[][] interpolation(Masked masked) {
        float[][] x = masked.input();
        int frames = masked.frames();
        float[][] out = new float[x.length][];
        for (int t = 0; t < x.length; t++) out[t] = x[t].clone();
        for (Span s : masked.spans()) {
            int before = s.start() - 1;
            int after = s.end();
            for (int t = s.start(); t < s.end(); t++) {
                for (int d = 0; d < out[t].length; d++) {
                    float v;
                    if (before >= 0 && after < frames) {
                        double w = (double) (t - before) / (after - before);
                        v = (float) ((1 - w) * x[before][d] + w * x[after][d]);
                    } else if (before >= 0) {
                        v = x[before][d];
                    } else if (after < frames) {
                        v = x[after][d];
                    } else {
                        v = 0;
                    }
                    out[t][d] = v;
                }
            }
        }
        masked.channels().ifPresent(b -> {
            for (int t = 0; t < frames; t++)
                if (!masked.chosen(t)) java.util.Arrays.fill(out[t], b.start(), b.start() + b.width(), 0f);
        });
        return out;
    }

    static double huber(double x) {
        double a = Math.abs(x);
        return a <= 1 ? 0.5 * a * a : a - 0.5;
    }
}
