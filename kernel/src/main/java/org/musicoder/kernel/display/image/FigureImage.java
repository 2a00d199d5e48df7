package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A plotly JSON figure drawn as a static image in Java2D (headless, anti-aliased), with plotly's defaults: the
 * layout's size (700 x 450 px if none) and margins, the title centred in the top margin, axes with plotly's ticks
 * and labels, heatmaps in their colour scale with a colour bar, scatter lines/markers/fills, bars, the legend and
 * text annotations. A trace type it cannot draw (histogram, box, pie, 3-D, ...) leaves a line of text naming it; a
 * figure that cannot be read at all gives an image saying why, never an exception.
 */
public final class FigureImage {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private FigureImage() {}

    /** One axis as laid out: layout key, range ({@code lo < hi}, data units; categories by index), tick labels. */
    public record AxisView(String name, double lo, double hi, List<String> ticks) {}

    /**
     * @param figure plotly JSON {@code {"data": [...], "layout": {...}}}
     * @return the image, {@code layout.width x layout.height} px (700 x 450 if unset), opaque RGB
     */
    public static BufferedImage draw(JsonObject figure) {
        return render(figure, new ArrayList<>());
    }

    /**
     * @param figure plotly JSON
     * @return {@link #draw}'s image as an 8-bit palette PNG (see {@link Png}; a heatmap's colour levels kept)
     */
    public static byte[] png(JsonObject figure) {
        List<Integer> scales = new ArrayList<>();
        BufferedImage img = render(figure, scales);
        return Png.encode(img, scales);
    }

    /**
     * @param figure plotly JSON
     * @return {@code [width, height]} of its image in px: the layout's (700 x 450 if unset), within 50..2400
     */
    public static int[] size(JsonObject figure) {
        return Scene.size(figure);
    }

    /** Draws the figure; adds the colours of its heatmaps' scales to {@code scales}. */
    private static BufferedImage render(JsonObject figure, List<Integer> scales) {
        int[] size = Scene.size(figure);
        BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        try {
            Scene s = new Scene(figure, g);
            paint(g, s);
            for (Layer l : s.layers) if (l instanceof HeatmapLayer h) for (Color c : h.lut) scales.add(c.getRGB());
        } catch (RuntimeException e) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            Text.draw(g, "[figure not drawn: " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()) + "]", Text.font(13, false), CssColor.INK, size[0] / 2.0, size[1] / 2.0,
                    Text.Align.CENTER, 0);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * @param figure plotly JSON
     * @return its axes as {@link #draw} lays them out (for comparing with plotly.js's own)
     */
    public static List<AxisView> axes(JsonObject figure) {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        try {
            Scene s = new Scene(figure, g);
            List<AxisView> out = new ArrayList<>();
            for (Axis a : s.axes.values()) out.add(new AxisView(a.name, a.lo, a.hi, a.ticks().texts));
            return out;
        } finally {
            g.dispose();
        }
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    private static void paint(Graphics2D g, Scene s) {
        g.setColor(CssColor.parse(Json.str(s.layout, "paper_bgcolor", null), Color.WHITE));
        g.fillRect(0, 0, s.width, s.height);
        Rectangle2D plot = new Rectangle2D.Double(s.left, s.top, s.plotWidth, s.plotHeight);
        g.setColor(CssColor.parse(Json.str(s.layout, "plot_bgcolor", null), Color.WHITE));
        g.fill(plot);
        boolean axes = s.drawsAxes();
        if (axes) for (Axis a : s.axes.values()) AxisPainter.grid(g, a, s);
        Shape clip = g.getClip();
        g.clip(plot);
        for (Layer l : s.layers) if (!(l instanceof Placeholder)) l.paint(g);
        g.setClip(clip);
        for (Layer l : s.layers) if (l instanceof Placeholder) l.paint(g);
        if (axes) for (Axis a : s.axes.values()) AxisPainter.labels(g, a, s);
        String title = Label.flat(Json.str(Json.obj(s.layout, "title"), "text", ""));
        Text.draw(g, title, s.titleFont(), CssColor.INK, s.width / 2.0, s.top / 2, Text.Align.CENTER, 0);
        double barLeft = 0;
        for (ColorBar c : s.colorBars) {
            c.paint(g, s.left + barLeft, s.top, s.plotWidth, s.plotHeight);
            barLeft += c.width(g, s.plotWidth, s.plotHeight) - (Json.num(c.spec, "x", 1.02) - 1) * s.plotWidth;
        }
        if (s.legend != null) s.legend.paint(g, s.left, s.top, s.plotWidth, s.plotHeight, s.width);
        annotations(g, s);
    }

    /** Text annotations at data or paper coordinates, with plotly's default arrow (30 px below the text). */
    private static void annotations(Graphics2D g, Scene s) {
        JsonArray list = Json.arr(s.layout, "annotations");
        if (list == null) return;
        for (JsonElement e : list) {
            if (!e.isJsonObject()) continue;
            JsonObject a = e.getAsJsonObject();
            double x = coordinate(s, a, "x");
            double y = coordinate(s, a, "y");
            if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
            Font font = Text.font(Json.num(Json.obj(a, "font"), "size", s.fontSize), false);
            Color ink = CssColor.parse(Json.str(Json.obj(a, "font"), "color", null), CssColor.INK);
            double tx = x;
            double ty = y;
            if (Json.bool(a, "showarrow", true)) {
                tx = x + Json.num(a, "ax", -10);
                ty = y + Json.num(a, "ay", -30);
                g.setColor(CssColor.parse(Json.str(a, "arrowcolor", null), CssColor.INK));
                g.draw(new Line2D.Double(tx, ty, x, y));
            }
            String[] lines = Label.lines(Json.str(a, "text", ""));
            for (int i = 0; i < lines.length; i++) {
                double dy = (i - (lines.length - 1) / 2.0) * font.getSize2D() * 1.3;
                Text.draw(g, lines[i], font, ink, tx, ty + dy, Text.Align.CENTER, 0);
            }
        }
    }

    private static double coordinate(Scene s, JsonObject a, String letter) {
        String ref = Json.str(a, letter + "ref", letter);
        double v = Json.num(a.get(letter));
        if (ref.equals("paper")) {
            return letter.equals("x") ? s.left + v * s.plotWidth : s.top + (1 - v) * s.plotHeight;
        }
        Axis axis = s.axes.get(letter + "axis" + (ref.length() > 1 ? ref.substring(1) : ""));
        if (axis == null) return Double.NaN;
        boolean named = axis.category && Json.isCategory(a.get(letter));
        return axis.px(named ? axis.value(a.get(letter)) : v);
    }
}
