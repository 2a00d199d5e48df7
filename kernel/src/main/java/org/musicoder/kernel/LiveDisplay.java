package org.musicoder.kernel;

/** A display under the running cell that can be replaced in place ({@code update_display_data}). */
public final class LiveDisplay {
    private final CellOutput output;
    private final Display display;
    private final String id;

    private LiveDisplay(CellOutput output, Display display, String id) {
        this.output = output;
        this.display = display;
        this.id = id;
    }

    /**
     * Shows a value and returns the handle to replace it.
     *
     * @param output  the running cell's outputs
     * @param display how values are shown
     * @param value   the first value
     * @return the handle
     */
    public static LiveDisplay show(CellOutput output, Display display, Object value) {
        var data = display.render(value);
        String id = output.displayUpdatable(data);
        display.shown(id, data);
        return new LiveDisplay(output, display, id);
    }

    /** Replaces the shown value with {@code value}. */
    public void update(Object value) {
        output.update(id, display.update(id, value));
    }

    /** The display id. */
    public String id() {
        return id;
    }
}
