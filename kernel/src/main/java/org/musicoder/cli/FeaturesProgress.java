package org.musicoder.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress bar of {@code features} over several files, on a terminal only (as tqdm draws it): files done of
 * the total, a bar, files per second, the time left and how many failed, rewritten in place ({@code \r}) on
 * standard error after each file and left as the last line when the run ends. The per-file lines are written above
 * it: {@link #clear} before a file's lines, {@link #finished} after them. Not a terminal, or one file:
 * nothing is drawn, so logs and pipes get the per-file lines only.
 */
public final class FeaturesProgress {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean on;
    private final int total;
    private final LongSupplier clock;
    private final long start;
    private int done;
    private int failed;
    private boolean open;

    /**
     * @param err standard error
     * @param terminal whether standard error is a terminal ({@link Progress#stderrIsTerminal()})
     * @param total the number of files
     */
    FeaturesProgress(PrintWriter err, boolean terminal, int total) {
        this(err, terminal, total, System::nanoTime);
    }

    FeaturesProgress(PrintWriter err, boolean terminal, int total, LongSupplier clock) {
        this.err = err;
        this.on = terminal && total > 1;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /**
     * Counts a finished file and draws the bar below its lines.
     *
     * @param ok false if the file failed
     */
    void finished(boolean ok) {
        done++;
        if (!ok) failed++;
        draw();
    }

    /** Erases the bar, so a line can be written where it was. */
    void clear() {
        if (!on || !open) return;
        err.print("\r\033[K");
        err.flush();
        open = false;
    }

    /** Draws the bar (the last time with a line end). */
    private void draw() {
        if (!on) return;
        err.print("\r" + line(done, total, failed, (clock.getAsLong() - start) / 1e9) + "\033[K");
        if (done == total) {
            err.println();
            open = false;
        } else {
            open = true;
        }
        err.flush();
    }

    /**
     * The bar's text, as the terminal and the kernel's {@code %features --all} show it:
     * {@code features 37/94 [#########...............] 12.3 clips/s ETA 5s, 1 failed}.
     *
     * @param seconds time since the first file started
     */
    public static String line(int done, int total, int failed, double seconds) {
        double rate = seconds > 0 ? done / seconds : Double.NaN;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String left = done == total ? String.format(Locale.ROOT, "in %.1f s", seconds)
                : "ETA " + Progress.eta((total - done) / rate);
        return String.format(Locale.ROOT, "features %d/%d [%s] %.1f clips/s %s%s", done, total, bar, rate, left,
                failed == 0 ? "" : ", " + failed + " failed");
    }
}
