package org.musicoder.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.musicoder.pretrain.StepResult;
import org.musicoder.pretrain.TrainingRun;

/**
 * The live progress line of {@code pretrain}: step, loss, learning rate, steps/s and ETA. On a terminal it is
 * rewritten in place ({@code \r}) at most five times a second; otherwise one line per twentieth of the run.
 */
final class Progress implements TrainingRun.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final long startStep;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private boolean open;

    /**
     * @param err where the line goes
     * @param terminal whether it is a terminal ({@link #stderrIsTerminal()})
     * @param startStep steps already done when this process started (0, or the checkpoint's step)
     */
    Progress(PrintWriter err, boolean terminal, long startStep) {
        this.err = err;
        this.terminal = terminal;
        this.startStep = startStep;
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 points to a tty). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override
    public void stepped(StepResult r, double seconds, long target) {
        long now = System.nanoTime();
        boolean last = r.step() == target;
        if (terminal) {
            if (!last && now - lastPrint < 200_000_000L) return;
        } else {
            long every = Math.max(1, target / 20);
            if (!last && r.step() % every != 0) return;
        }
        lastPrint = now;
        double rate = (r.step() - startStep) / ((now - startNanos) / 1e9);
        String line = String.format(Locale.ROOT, "step %d/%d  loss %.4f  lr %.3e  %.2f steps/s  ETA %s",
                r.step(), target, r.loss(), r.lr(), rate, eta((target - r.step()) / rate));
        if (terminal) {
            err.print("\r" + line + "\033[K");
            if (last) err.println();
            open = !last;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends a half-written terminal line (after an error). */
    void finish() {
        if (open) err.println();
        err.flush();
    }

    static String eta(double s) {
        if (!Double.isFinite(s)) return "?";
        long t = Math.round(s);
        if (t >= 3600) return String.format(Locale.ROOT, "%dh%02dm", t / 3600, t % 3600 / 60);
        if (t >= 60) return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        return t + "s";
    }
}
