package org.musicoder.kernel;

import java.io.PrintStream;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * The outputs of one running cell: display, update and clear messages on iopub, in order with its stdout and
 * stderr (they are flushed first). Closed when the cell ends: later calls (from a magic still finishing after an
 * interrupt) are dropped, so nothing lands under the wrong cell.
 */
public final class CellOutput {
    private final ShellReplyEnvironment env;
    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean open = true;

    CellOutput(ShellReplyEnvironment env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** The cell's stdout (goes to a {@code stream} message named stdout). */
    public PrintStream out() {
        return out;
    }

    /** The cell's stderr. */
    public PrintStream err() {
        return err;
    }

    /**
     * Shows a MIME bundle under the cell.
     *
     * @param data the bundle
     */
    public synchronized void display(DisplayData data) {
        if (!open) return;
        flushStreams();
        env.publish(new PublishDisplayData(data));
    }

    /**
     * Shows a bundle that can be replaced later with {@link #update}.
     *
     * @param data the first bundle
     * @return its display id
     */
    public synchronized String displayUpdatable(DisplayData data) {
        String id = UUID.randomUUID().toString();
        display(withId(data, id));
        return id;
    }

    /** A copy of the bundle's data and metadata with a display id (the original stays as it is). */
    private static DisplayData withId(DisplayData data, String id) {
        DisplayData d = new DisplayData();
        d.assign(data);
        d.setDisplayId(id);
        return d;
    }

    /**
     * Replaces what an earlier {@link #displayUpdatable} showed ({@code update_display_data}).
     *
     * @param id   its display id
     * @param data the new bundle
     */
    public synchronized void update(String id, DisplayData data) {
        if (!open) return;
        flushStreams();
        env.publish(new PublishUpdateDisplayData(withId(data, id)));
    }

    /**
     * Clears the cell's output ({@code clear_output}).
     *
     * @param wait clear only when the next output arrives (no flicker)
     */
    public synchronized void clear(boolean wait) {
        if (!open) return;
        flushStreams();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    /** Sends what is buffered in stdout and stderr. */
    public void flushStreams() {
        out.flush();
        err.flush();
    }

    void close() {
        flushStreams();
        open = false;
    }
}
