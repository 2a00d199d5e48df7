package org.musicoder.pretrain;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.musicoder.masking.Ccm;
import org.musicoder.masking.Objective;

/**
 * What a pretraining run does besides the model's size; stored in every checkpoint, so a resumed run continues
 * with the same recipe.
 *
 * @param objective cfm, ccm or cfm+ccm
 * @param ccmMaxFraction CCM's largest block width as a fraction of its band (1 = the paper's reading)
 * @param ccmBand the channels CCM's block lies in ({@link Ccm.Band#SPECTRA}, the paper's, or the whole frame)
 * @param batch crops per step
 * @param warmup warm-up steps of the {@link LearningRate}
 * @param lrScale multiplier of the {@link LearningRate} schedule ({@code > 0}; 1 = the paper's)
 * @param clipNorm global gradient-norm bound, or 0 for no clipping
 * @param seed the one seed of every random draw (weights, crops, masks, dropout)
 * @param minFrames shortest crop (frames)
 * @param maxFrames longest crop (frames)
 * @param positionShift whether each batch's positions start at a random offset instead of 0 (not in the paper: with
 *     crops shorter than the model's max_frames, the later rows of the position table are otherwise never trained)
 * @param cropCmvn whether each crop is CMVN-normalised on its own (the crop is the clip), instead of only the clips
 *     it is cut from
 */
public record PretrainOptions(Objective objective, double ccmMaxFraction, Ccm.Band ccmBand, int batch, int warmup,
                              double lrScale, double clipNorm, long seed, int minFrames, int maxFrames,
                              boolean positionShift, boolean cropCmvn) {
    /** Batch size of the paper's setting. */
    public static final int BATCH = 64;

    /** Checks the values. */
    public PretrainOptions {
        if (objective == null) throw new IllegalArgumentException("pretraining: no objective");
        new Ccm(ccmMaxFraction, ccmBand);
        if (batch < 1) throw new IllegalArgumentException("pretraining: batch must be >= 1, got " + batch);
        if (warmup < 1) throw new IllegalArgumentException("pretraining: warmup must be >= 1, got " + warmup);
        if (!(lrScale > 0) || Double.isInfinite(lrScale))
            throw new IllegalArgumentException("pretraining: lr scale must be a finite number > 0, got " + lrScale);
        if (!(clipNorm >= 0)) throw new IllegalArgumentException("pretraining: clip norm must be >= 0, got " + clipNorm);
        if (minFrames < 1 || maxFrames < minFrames)
            throw new IllegalArgumentException("pretraining: crop lengths " + minFrames + ".." + maxFrames + " are not a range");
    }

    /**
     * The paper's recipe: CCM over the spectra uncapped, batch 64, warm-up 8000, lr scale 1, no clipping, crops of
     * 10-35 s.
     *
     * @param objective the objective
     * @param seed the seed
     * @return the options
     */
    public static PretrainOptions paper(Objective objective, long seed) {
        return of(objective, Schedule.PAPER_BASE, seed);
    }

    /**
     * The schedule's batch, warm-up, learning-rate scale and crops; the paper's CCM; no clipping.
     *
     * @param objective the objective
     * @param schedule the schedule (its steps are the caller's business)
     * @param seed the seed
     * @return the options
     */
    public static PretrainOptions of(Objective objective, Schedule schedule, long seed) {
        return new PretrainOptions(objective, 1.0, Ccm.Band.SPECTRA, schedule.batch(), schedule.warmup(),
                schedule.lrScale(), 0, seed, schedule.minFrames(), schedule.maxFrames(), schedule.positionShift(),
                schedule.cropCmvn());
    }

    /** A copy with another batch size. */
    public PretrainOptions withBatch(int b) {
        return new PretrainOptions(objective, ccmMaxFraction, ccmBand, b, warmup, lrScale, clipNorm, seed, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** A copy with another warm-up. */
    public PretrainOptions withWarmup(int w) {
        return new PretrainOptions(objective, ccmMaxFraction, ccmBand, batch, w, lrScale, clipNorm, seed, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** A copy with another learning-rate scale. */
    public PretrainOptions withLrScale(double s) {
        return new PretrainOptions(objective, ccmMaxFraction, ccmBand, batch, warmup, s, clipNorm, seed, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** A copy with another clipping bound (0 = none). */
    public PretrainOptions withClipNorm(double c) {
        return new PretrainOptions(objective, ccmMaxFraction, ccmBand, batch, warmup, lrScale, c, seed, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** A copy with other crop lengths. */
    public PretrainOptions withCrops(int min, int max) {
        return new PretrainOptions(objective, ccmMaxFraction, ccmBand, batch, warmup, lrScale, clipNorm, seed, min, max, positionShift, cropCmvn);
    }

    /** A copy with or without the position shift. */
    public PretrainOptions withPositionShift(boolean shift) {
        return new PretrainOptions(objective, ccmMaxFraction, ccmBand, batch, warmup, lrScale, clipNorm, seed, minFrames, maxFrames, shift, cropCmvn);
    }

    /** A copy with or without CMVN per crop. */
    public PretrainOptions withCropCmvn(boolean c) {
        return new PretrainOptions(objective, ccmMaxFraction, ccmBand, batch, warmup, lrScale, clipNorm, seed, minFrames, maxFrames, positionShift, c);
    }

    /** A copy with another CCM cap and band. */
    public PretrainOptions withCcm(double maxFraction, Ccm.Band band) {
        return new PretrainOptions(objective, maxFraction, band, batch, warmup, lrScale, clipNorm, seed, minFrames, maxFrames, positionShift, cropCmvn);
    }

    /** The learning-rate schedule of these options for a model of hidden size {@code hidden}. */
    public LearningRate schedule(int hidden) {
        return new LearningRate(hidden, warmup, lrScale);
    }

    /**
     * Length of the pieces long training tracks are cut into and CMVN-normalised as clips of their own
     * ({@code Cmvn.pieces}): the longest crop, at least 10 s (431 frames), so that crops are cut from clips of the
     * paper's length (4.1: 10-35 s).
     */
    public int cmvnPieceFrames() {
        return Math.max(Crops.MIN_FRAMES, maxFrames);
    }

    /** The CCM component. */
    public Ccm ccm() {
        return new Ccm(ccmMaxFraction, ccmBand);
    }

    /** One JSON object with the record's fields (seed as a string, exact). */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("objective", objective.toString());
        o.addProperty("ccm_max_fraction", ccmMaxFraction);
        o.addProperty("ccm_band", ccmBand.toString());
        o.addProperty("batch", batch);
        o.addProperty("warmup", warmup);
        o.addProperty("lr_scale", lrScale);
        o.addProperty("clip_norm", clipNorm);
        o.addProperty("seed", Long.toString(seed));
        o.addProperty("min_frames", minFrames);
        o.addProperty("max_frames", maxFrames);
        o.addProperty("position_shift", positionShift);
        o.addProperty("crop_cmvn", cropCmvn);
        return o.toString();
    }

    /**
     * Parses {@link #toJson()}'s output. Options written before {@code lr_scale} existed have scale 1; before
     * {@code ccm_band} existed, CCM covered the whole frame, so they read as {@link Ccm.Band#ALL}; without
     * {@code position_shift} or {@code crop_cmvn}, neither was on.
     *
     * @param json the text
     * @return the options
     * @throws IllegalArgumentException if it is not such an object
     */
    public static PretrainOptions fromJson(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            return new PretrainOptions(Objective.parse(o.get("objective").getAsString()),
                    o.get("ccm_max_fraction").getAsDouble(),
                    o.has("ccm_band") ? Ccm.Band.parse(o.get("ccm_band").getAsString()) : Ccm.Band.ALL,
                    o.get("batch").getAsInt(), o.get("warmup").getAsInt(),
                    o.has("lr_scale") ? o.get("lr_scale").getAsDouble() : 1.0,
                    o.get("clip_norm").getAsDouble(), Long.parseLong(o.get("seed").getAsString()),
                    o.get("min_frames").getAsInt(), o.get("max_frames").getAsInt(),
                    o.has("position_shift") && o.get("position_shift").getAsBoolean(),
                    o.has("crop_cmvn") && o.get("crop_cmvn").getAsBoolean());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("pretraining options: not valid (" + e.getMessage() + "): " + json, e);
        }
    }
}
