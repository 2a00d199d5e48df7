package org.musicoder.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What Java cells can call to show things (imported statically in every session): {@code display(table)},
 * {@code clearOutput()}, and updatable displays for progress.
 */
public final class Notebook {
    private Notebook() {}

    /**
     * Shows an object under the running cell, rendered like a cell's value (a Tablesaw Table as an HTML table, a
     * Plotly figure as a plot, anything else as its {@code toString()}).
     *
     * @param value the object
     * @return the display id (for {@link #updateDisplay})
     */
    public static String display(Object value) {
        MusiCoderKernel k = MusiCoderKernel.current();
        return LiveDisplay.show(k.output(), k.display(), value).id();
    }

    /**
     * Replaces an earlier display.
     *
     * @param id    the id {@link #display} returned
     * @param value the new object
     */
    public static void updateDisplay(String id, Object value) {
        MusiCoderKernel k = MusiCoderKernel.current();
        k.output().update(id, k.display().update(id, value));
    }

    /** Clears the running cell's output now. */
    public static void clearOutput() {
        MusiCoderKernel.current().output().clear(false);
    }

    /** Shows a ready-made MIME bundle. */
    public static void display(DisplayData data) {
        MusiCoderKernel.current().output().display(data);
    }
}
