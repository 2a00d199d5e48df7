package org.musicoder.kernel.view;

import java.util.Locale;
import org.musicoder.features.FeatureConfig;
import org.musicoder.features.Features;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.plotly.components.Figure;

/** The {@code %features} views: the feature matrix as a heatmap with its blocks named, and a per-block summary. */
public final class FeatureView {
    private FeatureView() {}

    /**
     * The heatmap of a clip's per-clip normalised features ({@link Features#cmvn()}: every dim on one scale).
     *
     * @param features a clip's features
     * @param title    figure title (the clip's name, say); frames and seconds are appended
     * @return the figure
     */
    public static Figure heatmap(Features features, String title) {
        return heatmap(features.cmvn(), features.config(), title + " (CMVN)");
    }

    /**
     * One heatmap trace, dims x frames: time in seconds on x ({@code frame * hop / sampleRate}, frame centres), the
     * feature dims on y with the five blocks (chroma 12, MFCC 20, delta 20, log-mel 128, log-CQT 144 for
     * {@link FeatureConfig#PAPER}) named and separated by white lines. Clips over 1500 frames (~35 s) are
     * averaged over groups of frames, which the title says. Values are drawn as given on one colour scale centred
     * on 0: pass CMVN features ({@code Cmvn.apply}, {@link Features#cmvn()}) to see every block; in raw features
     * the MFCC block (hundreds) hides the others.
     *
     * @param frames features, shape {@code [frames][dims]} (e.g. a {@code FeatureCache} entry)
     * @param config the recipe that made them (time axis; block labels when {@code config.dims() == dims})
     * @param title  figure title; {@code ", N frames, S s"} is appended
     * @return the figure
     */
    public static Figure heatmap(float[][] frames, FeatureConfig config, String title) {
        FeatureHeatmap h = new FeatureHeatmap(frames, frames.length, config);
        String full = String.format(Locale.ROOT, "%s, %d frames, %.1f s%s", title, frames.length,
                frames.length * h.secondsPerFrame, h.poolNote());
        return h.figure(h.layout(full, false), h.traces());
    }

    /**
     * Per-block statistics over all frames and dims of the block, in float64.
     *
     * @param frames features, shape {@code [frames][dims]}
     * @param config recipe whose {@link FeatureConfig#blocks()} split the dims; {@code config.dims()} must equal dims
     * @return columns {@code block, dims, columns ("0-11"), min, mean, max, std} (std with ddof 0), one row per block
     */
    public static Table summary(float[][] frames, FeatureConfig config) {
        int dims = frames.length == 0 ? config.dims() : frames[0].length;
        if (dims != config.dims()) {
            throw new IllegalArgumentException("feature summary: matrix has " + dims + " dims, recipe has " + config.dims());
        }
        StringColumn block = StringColumn.create("block");
        IntColumn width = IntColumn.create("dims");
        StringColumn columns = StringColumn.create("columns");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn max = DoubleColumn.create("max");
        DoubleColumn std = DoubleColumn.create("std");
        for (FeatureConfig.Block b : config.blocks()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (float[] row : frames) {
                for (int c = b.from(); c < b.to(); c++) {
                    lo = Math.min(lo, row[c]);
                    hi = Math.max(hi, row[c]);
                    sum += row[c];
                }
            }
            long n = (long) frames.length * b.width();
            double m = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (float[] row : frames) {
                for (int c = b.from(); c < b.to(); c++) ss += (row[c] - m) * (row[c] - m);
            }
            block.append(b.name());
            width.append(b.width());
            columns.append(b.from() + "-" + (b.to() - 1));
            min.append(n == 0 ? Double.NaN : lo);
            mean.append(m);
            max.append(n == 0 ? Double.NaN : hi);
            std.append(n == 0 ? Double.NaN : Math.sqrt(ss / n));
        }
        for (DoubleColumn c : new DoubleColumn[] {min, mean, max, std}) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        }
        return Table.create("feature blocks (" + frames.length + " frames)", block, width, columns, min, mean, max, std);
    }

    /**
     * @param features a clip's features
     * @return {@link #summary(float[][], FeatureConfig)} of the raw (un-normalised) features, in their own units
     */
    public static Table summary(Features features) {
        return summary(features.raw(), features.config());
    }
}
