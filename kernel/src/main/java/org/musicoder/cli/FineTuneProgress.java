package org.musicoder.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.musicoder.experiments.Ablation;
import org.musicoder.finetune.GridPoint;
import org.musicoder.pretrain.StepResult;

/**
 * The progress display of {@code finetune}, {@code table5} and {@code table6}: one line per phase and grid point,
 * then pretraining's live step line ({@link Progress}) for its steps, and each point's validation score.
 */
class FineTuneProgress implements Ablation.Listener {
    private final PrintWriter err;
    private final String metric;
    private Progress steps;

    /**
     * @param err where the lines go
     * @param metric the validation metric's name (printed with each score)
     */
    FineTuneProgress(PrintWriter err, String metric) {
        this.err = err;
        this.metric = metric;
    }

    @Override
    public void phase(String line, long total) {
        finish();
        err.println(line);
        err.flush();
        steps = new Progress(err, Progress.stderrIsTerminal(), 0);
    }

    @Override
    public void starting(int index, int total, GridPoint point, long count) {
        finish();
        err.printf(Locale.ROOT, "grid point %d/%d: %s (%d steps)%n", index + 1, total, point, count);
        err.flush();
        steps = new Progress(err, Progress.stderrIsTerminal(), 0);
    }

    @Override
    public void stepped(StepResult r, double seconds, long target) {
        if (steps == null) steps = new Progress(err, Progress.stderrIsTerminal(), 0);
        steps.stepped(r, seconds, target);
    }

    @Override
    public void scored(int index, GridPoint point, double score) {
        finish();
        err.printf(Locale.ROOT, "grid point %d: validation %s %.4f%n", index + 1, metric, score);
        err.flush();
    }

    /** Ends a half-written step line. */
    void finish() {
        if (steps != null) steps.finish();
        steps = null;
    }
}
