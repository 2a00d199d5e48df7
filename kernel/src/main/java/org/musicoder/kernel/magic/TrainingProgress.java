package org.musicoder.kernel.magic;

import java.util.List;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.musicoder.kernel.LiveDisplay;
import org.musicoder.pretrain.StepResult;

/** The live display of {@code %pretrain}: a progress bar line and the loss curve, replaced in place. */
final class TrainingProgress {
    private final MagicContext ctx;
    private final long target;
    private static final long UPDATE_NS = 1_000_000_000L;
    private final long startNanos = System.nanoTime();
    private long last;
    private LiveDisplay bar;
    private LiveDisplay curve;

    TrainingProgress(MagicContext ctx, long target) {
        this.ctx = ctx;
        this.target = target;
    }

    /** {@link #update} at most once a second (the first call shows the display). */
    void tick(Pretrained run) {
        long now = System.nanoTime();
        if (bar != null && now - last < UPDATE_NS) return;
        last = now;
        update(run);
    }

    /** Shows (first call) or replaces the bar and the curve with the run's state. */
    void update(Pretrained run) {
        DisplayData line = bar(run.history());
        if (bar == null) {
            bar = ctx.live(line);
            curve = ctx.live(run.curve());
        } else {
            bar.update(line);
            curve.update(run.curve());
        }
    }

    private DisplayData bar(List<StepResult> h) {
        long done = h.isEmpty() ? 0 : h.get(h.size() - 1).step();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = h.isEmpty() ? 0 : h.size() / seconds;
        String text = h.isEmpty() ? String.format(Locale.ROOT, "step 0/%d", target)
                : String.format(Locale.ROOT, "step %d/%d  loss %.4f  lr %.3e  %.2f steps/s  ETA %s", done, target,
                h.get(h.size() - 1).loss(), h.get(h.size() - 1).lr(), rate,
                rate > 0 ? eta((target - done) / rate) : "?");
        DisplayData d = new DisplayData(text);
        d.putHTML("<div><progress value=\"" + done + "\" max=\"" + target + "\" style=\"width:60%\"></progress> "
                + "<code>" + text + "</code></div>");
        return d;
    }

    private static String eta(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t % 3600 / 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
