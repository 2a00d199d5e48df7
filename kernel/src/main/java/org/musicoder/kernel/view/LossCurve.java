package org.musicoder.kernel.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musicoder.io.TextFiles;
import org.musicoder.kernel.display.PlotlyFigure;
import org.musicoder.pretrain.StepResult;
import org.musicoder.pretrain.TrainLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * The {@code %pretrain} loss curve, growing as training goes: the training thread {@link #add}s steps, the kernel
 * redraws {@link #figure()} (loss on the left axis, learning rate on a second axis at the right, step on x).
 * Thread-safe. Past {@link #MAX_POINTS} steps the figure draws every k-th step (and the last), which its title says.
 */
public final class LossCurve {
    /** Most points drawn per trace. */
    public static final int MAX_POINTS = 2000;
    private static final Pattern LINE = Pattern.compile(
            "\\{\"step\":(\\d+),\"loss\":([^,]+),\"lr\":([^,}]+)[,}].*");

    private final String title;
    private final List<LossPoint> points = new ArrayList<>();

    /** @param title figure title (the run, say) */
    public LossCurve(String title) {
        this.title = title;
    }

    /**
     * Reads a run's {@code log.jsonl} ({@link TrainLog}).
     *
     * @param log   the log file
     * @param title figure title
     * @return a curve holding its steps in file order
     * @throws IOException if it cannot be read, or a line is not a TrainLog line (names the line)
     */
    public static LossCurve read(Path log, String title) throws IOException {
        LossCurve c = new LossCurve(title);
        int n = 0;
        for (String line : TextFiles.lines(log)) {
            n++;
            if (line.isBlank()) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) throw new IOException(log + ": line " + n + " is not a training log line: " + line);
            try {
                c.add(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
            } catch (NumberFormatException e) {
                throw new IOException(log + ": line " + n + " has a bad number: " + line, e);
            }
        }
        return c;
    }

    /**
     * @param step step number
     * @param loss its loss
     * @param lr   its learning rate
     */
    public synchronized void add(long step, double loss, double lr) {
        points.add(new LossPoint(step, loss, lr));
    }

    /** @param r a finished step */
    public void add(StepResult r) {
        add(r.step(), r.loss(), r.lr());
    }

    /** @return a copy of the steps so far */
    public synchronized List<LossPoint> points() {
        return List.copyOf(points);
    }

    /** @return number of steps so far */
    public synchronized int size() {
        return points.size();
    }

    /**
     * @return loss (left axis) and learning rate (right axis) against the step; an empty curve gives empty traces
     */
    public Figure figure() {
        List<LossPoint> all = points();
        int stride = Math.max(1, (all.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<LossPoint> shown = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) shown.add(all.get(i));
        if (!all.isEmpty() && shown.get(shown.size() - 1) != all.get(all.size() - 1)) shown.add(all.get(all.size() - 1));
        double[] step = new double[shown.size()];
        double[] loss = new double[shown.size()];
        double[] lr = new double[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            step[i] = shown.get(i).step();
            loss[i] = shown.get(i).loss();
            lr[i] = shown.get(i).lr();
        }
        String t = title + (all.isEmpty() ? "" : ", step " + all.get(all.size() - 1).step() + ", loss "
                + String.format(java.util.Locale.ROOT, "%.4g", all.get(all.size() - 1).loss()))
                + (stride == 1 ? "" : " (1 step in " + stride + " drawn)");
        Layout layout = Layout.builder(t).height(420).width(900).showLegend(true)
                .xAxis(Axis.builder().title("step").build())
                .yAxis(Axis.builder().title("loss").build())
                .yAxis2(Axis.builder().title("learning rate").side(Axis.Side.right)
                        .overlaying(ScatterTrace.YAxis.Y).showGrid(false).build())
                .build();
        ScatterTrace lossTrace = ScatterTrace.builder(step, loss).mode(ScatterTrace.Mode.LINE).name("loss")
                .line(Line.builder().color("rgb(31,119,180)").width(2).build()).build();
        ScatterTrace lrTrace = ScatterTrace.builder(step, lr).mode(ScatterTrace.Mode.LINE).name("learning rate")
                .line(Line.builder().color("rgb(255,127,14)").width(1).dash(Line.Dash.DASH).build())
                .yAxis("y2").build();
        return new PlotlyFigure(layout, lossTrace, lrTrace)
                .layout("{\"legend\": {\"orientation\": \"h\", \"x\": 0, \"y\": -0.2, \"yanchor\": \"top\"}, "
                        + "\"yaxis2\": {\"exponentformat\": \"e\", \"rangemode\": \"tozero\"}, "
                        + "\"yaxis\": {\"rangemode\": \"tozero\"}}");
    }

    /**
     * @param last number of most recent steps, {@code >= 1}
     * @return columns {@code step, loss, lr} of the last {@code last} steps
     */
    public Table table(int last) {
        List<LossPoint> all = points();
        LongColumn step = LongColumn.create("step");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn lr = DoubleColumn.create("lr");
        for (LossPoint p : all.subList(Math.max(0, all.size() - last), all.size())) {
            step.append(p.step());
            loss.append(p.loss());
            lr.append(p.lr());
        }
        return Table.create(title, step, loss, lr);
    }
}
