package org.musicoder.kernel.magic;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.musicoder.experiments.Ablation;
import org.musicoder.finetune.GridPoint;
import org.musicoder.kernel.LiveDisplay;
import org.musicoder.kernel.display.Html;
import org.musicoder.kernel.view.LossCurve;
import org.musicoder.pretrain.StepResult;

/**
 * The live display of {@code %finetune}, {@code %table5} and {@code %table6}: a progress bar of the running phase or
 * grid point and its loss curve, replaced in place at most once a second; one stdout line per phase and per scored
 * grid point. An interrupt stops the run at its next step (the listener throws {@link CancellationException}).
 */
class DownstreamProgress implements Ablation.Listener {
    private static final long UPDATE_NS = 1_000_000_000L;

    private final MagicContext ctx;
    private final String metric;
    private LiveDisplay bar;
    private LiveDisplay curve;
    private LossCurve loss;
    private String what = "";
    private long last;
    private StepResult latest;
    private long target;
    private double seconds;

    /**
     * @param ctx    the running magic
     * @param metric the validation metric's name (printed with each score)
     */
    DownstreamProgress(MagicContext ctx, String metric) {
        this.ctx = ctx;
        this.metric = metric;
    }

    @Override
    public void phase(String line, long steps) {
        ctx.out().println(line);
        start(line, steps);
    }

    @Override
    public void starting(int index, int total, GridPoint point, long steps) {
        start(String.format(Locale.ROOT, "grid point %d/%d: %s", index + 1, total, point), steps);
    }

    @Override
    public void stepped(StepResult r, double seconds, long target) {
        if (ctx.cancelled()) throw new CancellationException("interrupted");
        if (loss == null) start(what, target);
        loss.add(r);
        latest = r;
        this.target = target;
        this.seconds = seconds;
        long now = System.nanoTime();
        if (now - last >= UPDATE_NS || r.step() == target) {
            show();
            last = now;
        }
    }

    @Override
    public void scored(int index, GridPoint point, double score) {
        ctx.out().printf(Locale.ROOT, "grid point %d (%s): validation %s %.4f%n", index + 1, point, metric, score);
    }

    private void start(String title, long steps) {
        what = title;
        loss = new LossCurve(title);
        latest = null;
        target = steps;
        last = 0;
        show();
    }

    private void show() {
        DisplayData line = line();
        if (bar == null) {
            bar = ctx.live(line);
            curve = ctx.live(loss);
        } else {
            bar.update(line);
            curve.update(loss);
        }
    }

    private DisplayData line() {
        long done = latest == null ? 0 : latest.step();
        String text = latest == null ? what
                : String.format(Locale.ROOT, "%s  step %d/%d  loss %.4f  lr %.2e  %.1f s", what, done, target,
                latest.loss(), latest.lr(), seconds);
        DisplayData d = new DisplayData(text);
        d.putHTML("<div><progress value=\"" + done + "\" max=\"" + Math.max(1, target) + "\" style=\"width:40%\"></progress> "
                + "<code>" + Html.escape(text) + "</code></div>");
        return d;
    }
}
