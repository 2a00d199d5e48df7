package org.musicoder.kernel.display.image;

import com.google.gson.JsonObject;
import java.awt.Font;
import java.awt.Graphics2D;

/** A trace this package cannot draw: a line of text in the plot area naming its type, instead of the trace. */
final class Placeholder extends Layer {
    final String type;
    /** Line of the message among the figure's placeholders (0 first). */
    int line;

    Placeholder(JsonObject trace, int index, Axis x, Axis y, String type) {
        super(trace, index, x, y);
        this.type = type;
    }

    @Override
    void extend() {}

    @Override
    void paint(Graphics2D g) {
        Font font = Text.font(13, false);
        double cx = (x.px0 + x.px1) / 2;
        double cy = (y.px0 + y.px1) / 2 + 20 * line;
        Text.draw(g, message(), font, CssColor.INK, cx, cy, Text.Align.CENTER, 0);
    }

    /** @return {@code [<type> trace "<name>": not drawn in the static image; the interactive figure shows it]} */
    String message() {
        String name = Json.str(trace, "name", "");
        return "[" + type + " trace" + (name.isEmpty() ? "" : " \"" + Label.flat(name) + "\"")
                + ": not drawn in the static image; the interactive figure shows it]";
    }

    @Override
    boolean inLegend() {
        return false;
    }
}
