package org.musicoder.kernel.view;

import java.util.ArrayList;
import java.util.List;
import org.musicoder.features.FeatureConfig;
import org.musicoder.kernel.display.PlotlyFigure;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A frames x dims feature matrix drawn as one dims x columns heatmap trace: time in seconds on x, feature dims on
 * y with the blocks of the {@link FeatureConfig} named at their centres and white lines between them. Clips longer
 * than {@link #MAX_COLUMNS} frames are averaged over groups of {@code ceil(frames / MAX_COLUMNS)} frames. Values
 * are rounded to 2 decimals (the figure's JSON stays ~2.5 MB for 324 x 1292).
 */
final class FeatureHeatmap {
    /** Most heatmap columns drawn; a 30 s clip (1292 frames) is drawn frame by frame. */
    static final int MAX_COLUMNS = 1500;

    final float[][] frames;
    final int count;
    final int dims;
    final double secondsPerFrame;
    /** Frames averaged per column (1: none). */
    final int pool;
    final List<FeatureConfig.Block> blocks;

    /**
     * @param frames  features, shape {@code [>= count][dims]}
     * @param count   frames to draw (the unpadded ones)
     * @param config  recipe: hop / sample rate give the time axis, its blocks the y labels (none if its dims differ)
     */
    FeatureHeatmap(float[][] frames, int count, FeatureConfig config) {
        if (count < 1 || frames.length < count) {
            throw new IllegalArgumentException("feature heatmap: need >= 1 frame, got " + count + " of " + frames.length);
        }
        this.frames = frames;
        this.count = count;
        this.dims = frames[0].length;
        this.secondsPerFrame = (double) config.hop() / config.sampleRate();
        this.pool = (count + MAX_COLUMNS - 1) / MAX_COLUMNS;
        this.blocks = config.dims() == dims ? config.blocks() : List.of();
    }

    /** @return how the title says frames were averaged ("" when they were not) */
    String poolNote() {
        return pool == 1 ? "" : " (every " + pool + " frames averaged for display)";
    }

    /** @return time of the centre of frame {@code t} in seconds (frames are centred every hop) */
    double time(double t) {
        return t * secondsPerFrame;
    }

    /** @return the heatmap trace */
    Trace trace() {
        int cols = (count + pool - 1) / pool;
        double[][] z = new double[dims][cols];
        Object[] x = new Object[cols];
        for (int c = 0; c < cols; c++) {
            int from = c * pool;
            int to = Math.min(count, from + pool);
            for (int d = 0; d < dims; d++) {
                double s = 0;
                for (int t = from; t < to; t++) s += frames[t][d];
                z[d][c] = round(s / (to - from), 100);
            }
            x[c] = round(time((from + to - 1) / 2.0), 1000);
        }
        Object[] y = new Object[dims];
        for (int d = 0; d < dims; d++) y[d] = d;
        return HeatmapTrace.builder(x, y, z).build();
    }

    /** @return white lines between the blocks, or none */
    List<Trace> blockEdges() {
        if (blocks.size() < 2) return List.of();
        int n = blocks.size() - 1;
        double[] x = new double[3 * n];
        double[] y = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double edge = blocks.get(i + 1).from() - 0.5;
            x[3 * i] = time(-0.5);
            x[3 * i + 1] = time(count - 0.5);
            x[3 * i + 2] = Double.NaN;
            y[3 * i] = edge;
            y[3 * i + 1] = edge;
            y[3 * i + 2] = Double.NaN;
        }
        return List.of(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name("block edges")
                .line(Line.builder().color("white").width(1).build()).showLegend(false).build());
    }

    /** @return a y axis labelled with the block names at the blocks' centres ("dim" ticks without blocks) */
    Axis yAxis() {
        Axis.AxisBuilder b = Axis.builder().title("feature").range(-0.5, dims - 0.5);
        if (blocks.isEmpty()) return b.title("feature dim").build();
        double[] at = new double[blocks.size()];
        String[] names = new String[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            FeatureConfig.Block k = blocks.get(i);
            at[i] = (k.from() + k.to() - 1) / 2.0;
            names[i] = k.name() + " (" + k.width() + ")";
        }
        return b.tickSettings(TickSettings.builder().tickMode(TickSettings.TickMode.ARRAY).arrayTicks(at, names).build())
                .build();
    }

    /** @return the layout: title, time axis, block axis, legend as asked */
    Layout layout(String title, boolean legend) {
        return Layout.builder(title).height(620).width(980).showLegend(legend)
                .margin(Margin.builder().left(130).right(40).top(60).bottom(50).build())
                .xAxis(Axis.builder().title("time (s)").range(time(-0.5), time(count - 0.5)).build())
                .yAxis(yAxis()).build();
    }

    /** @return heatmap then block edges */
    List<Trace> traces() {
        List<Trace> t = new ArrayList<>();
        t.add(trace());
        t.addAll(blockEdges());
        return t;
    }

    /**
     * @param layout the layout ({@link #layout})
     * @param traces {@link #traces()} first, then any overlays
     * @return the figure, with a diverging colour scale centred on 0, a slim colour bar and a hover text
     */
    PlotlyFigure figure(Layout layout, List<Trace> traces) {
        return new PlotlyFigure(layout, traces.toArray(new Trace[0])).trace(0, "{\"colorscale\": \"RdBu\", "
                + "\"zmid\": 0, \"colorbar\": {\"thickness\": 14, \"len\": 0.9}, "
                + "\"hovertemplate\": \"%{x} s, dim %{y}: %{z}<extra></extra>\"}");
    }

    static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
