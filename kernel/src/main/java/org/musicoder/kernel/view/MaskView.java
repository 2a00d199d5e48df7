package org.musicoder.kernel.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musicoder.features.FeatureConfig;
import org.musicoder.masking.Cfm;
import org.musicoder.masking.ChannelBlock;
import org.musicoder.masking.Masked;
import org.musicoder.masking.Span;
import org.musicoder.masking.SpanAction;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The {@code %mask} views (the teaching view of CFM and CCM): the masked input as a heatmap with the CFM spans
 * outlined and tinted by what was done to them (zero / random / unchanged) and the CCM channel band shaded, and
 * tables of the spans and of their statistics.
 */
public final class MaskView {
    /** Outline colours of the span actions: zero red, random (frames copied from elsewhere) orange, unchanged green. */
    private static final Map<SpanAction, String> COLOUR = new EnumMap<>(Map.of(
            SpanAction.ZERO, "rgb(214,39,40)", SpanAction.RANDOM, "rgb(255,127,14)", SpanAction.KEEP, "rgb(44,160,44)"));

    private MaskView() {}

    /**
     * @param action a span action
     * @return its name in the views: {@code zero}, {@code random}, {@code unchanged}
     */
    public static String name(SpanAction action) {
        return switch (action) {
            case ZERO -> "zero";
            case RANDOM -> "random";
            case KEEP -> "unchanged";
        };
    }

    /**
     * The masked input (unpadded frames) as one heatmap trace like {@link FeatureView#heatmap(float[][],
     * FeatureConfig, String)}, with one outline trace per span action (legend: action and span count) and one for
     * the CCM band (legend: its channels).
     *
     * @param masked a masked clip ({@code org.musicoder.masking.Masker#mask})
     * @param config the feature recipe (time axis and block labels)
     * @param title  figure title; frame count, seconds and the budget are appended
     * @return the figure
     */
    public static Figure figure(Masked masked, FeatureConfig config, String title) {
        FeatureHeatmap h = new FeatureHeatmap(masked.input(), masked.frames(), config);
        List<Trace> traces = new ArrayList<>(h.traces());
        for (SpanAction a : SpanAction.values()) {
            List<Span> spans = masked.spans().stream().filter(s -> s.action() == a).toList();
            if (spans.isEmpty()) continue;
            List<double[]> boxes = new ArrayList<>();
            for (Span s : spans) boxes.add(new double[] {h.time(s.start() - 0.5), h.time(s.end() - 0.5), -0.5, h.dims - 0.5});
            traces.add(outline(boxes, "CFM " + name(a) + " (" + spans.size() + (spans.size() == 1 ? " span)" : " spans)"),
                    COLOUR.get(a), fill(COLOUR.get(a), 0.12)));
        }
        masked.channels().filter(b -> b.width() > 0).ifPresent(b -> traces.add(outline(
                List.<double[]>of(new double[] {h.time(-0.5), h.time(masked.frames() - 0.5), b.start() - 0.5, b.start() + b.width() - 0.5}),
                "CCM channels " + b.start() + "-" + (b.start() + b.width() - 1), "rgb(31,119,180)", "rgba(31,119,180,0.25)")));
        String full = String.format(Locale.ROOT, "%s, %d frames, %.1f s, CFM budget %d frames%s", title, masked.frames(),
                masked.frames() * h.secondsPerFrame, Cfm.budget(masked.frames()), h.poolNote());
        return h.figure(h.layout(full, true), traces)
                .layout("{\"legend\": {\"orientation\": \"h\", \"x\": 0, \"y\": -0.1, \"yanchor\": \"top\"}, "
                        + "\"margin\": {\"b\": 90}}");
    }

    /**
     * @param masked a masked clip
     * @return one row per CFM span in the order drawn: {@code start, length, end, action, source} (source: first
     *         copied frame of a random span, else missing)
     */
    public static Table spans(Masked masked) {
        IntColumn start = IntColumn.create("start");
        IntColumn length = IntColumn.create("length");
        IntColumn end = IntColumn.create("end");
        StringColumn action = StringColumn.create("action");
        IntColumn source = IntColumn.create("source");
        for (Span s : masked.spans()) {
            start.append(s.start());
            length.append(s.length());
            end.append(s.end());
            action.append(name(s.action()));
            if (s.source() >= 0) source.append(s.source());
            else source.appendMissing();
        }
        return Table.create("CFM spans", start, length, end, action, source);
    }

    /**
     * @param masked a masked clip
     * @return two text columns {@code statistic, value}: frames, CFM spans, mean span length, frames chosen vs the
     *         budget ({@code ceil(15 % frames)}), spans per action, CCM channels, cells in the loss
     */
    public static Table statistics(Masked masked) {
        StringColumn stat = StringColumn.create("statistic");
        StringColumn value = StringColumn.create("value");
        int frames = masked.frames();
        List<Span> spans = masked.spans();
        int chosen = 0;
        for (Span s : spans) chosen += s.length();
        int dims = masked.input()[0].length;
        add(stat, value, "frames", Integer.toString(frames));
        add(stat, value, "CFM spans", Integer.toString(spans.size()));
        add(stat, value, "mean span length (frames)",
                spans.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", (double) chosen / spans.size()));
        add(stat, value, "frames chosen / budget", spans.isEmpty() && frames > 0
                ? "- (no CFM)" : String.format(Locale.ROOT, "%d / %d (%.1f %% of frames)", chosen, Cfm.budget(frames),
                        frames == 0 ? 0.0 : 100.0 * chosen / frames));
        for (SpanAction a : SpanAction.values()) {
            long n = spans.stream().filter(s -> s.action() == a).count();
            add(stat, value, "spans " + name(a), Long.toString(n));
        }
        ChannelBlock b = masked.channels().orElse(null);
        add(stat, value, "CCM channels", b == null ? "- (no CCM)" : b.width() == 0 ? "none (width 0)"
                : String.format(Locale.ROOT, "%d-%d (%d of %d)", b.start(), b.start() + b.width() - 1, b.width(), dims));
        long cells = masked.lossCells();
        add(stat, value, "cells in the loss", String.format(Locale.ROOT, "%d (%.1f %%)", cells,
                frames == 0 ? 0.0 : 100.0 * cells / ((double) frames * dims)));
        return Table.create("masking statistics", stat, value);
    }

    private static void add(StringColumn stat, StringColumn value, String s, String v) {
        stat.append(s);
        value.append(v);
    }

    /** One scatter trace of closed rectangles {x0, x1, y0, y1}, separated by gaps, filled. */
    private static Trace outline(List<double[]> boxes, String name, String line, String fill) {
        double[] x = new double[6 * boxes.size()];
        double[] y = new double[6 * boxes.size()];
        int i = 0;
        for (double[] b : boxes) {
            double[] xs = {b[0], b[1], b[1], b[0], b[0], Double.NaN};
            double[] ys = {b[2], b[2], b[3], b[3], b[2], Double.NaN};
            System.arraycopy(xs, 0, x, i, 6);
            System.arraycopy(ys, 0, y, i, 6);
            i += 6;
        }
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).fill(ScatterTrace.Fill.TO_SELF).fillColor(fill)
                .line(Line.builder().color(line).width(2).build()).name(name).build();
    }

    private static String fill(String rgb, double alpha) {
        return rgb.replace("rgb(", "rgba(").replace(")", String.format(Locale.ROOT, ",%.2f)", alpha));
    }
}
