package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A scatter trace: lines (solid or dashed), markers (circles), or both, broken at missing points; filled to itself
 * (each unbroken run a polygon) or to zero. Lines-only traces add no padding along x, as in plotly.
 */
final class ScatterLayer extends Layer {
    double[] xs = new double[0];
    double[] ys = new double[0];

    ScatterLayer(JsonObject trace, int index, Axis x, Axis y) {
        super(trace, index, x, y);
    }

    @Override
    void extend() {
        JsonArray ax = Json.arr(trace, "x");
        JsonArray ay = Json.arr(trace, "y");
        int n = Math.max(ax == null ? 0 : ax.size(), ay == null ? 0 : ay.size());
        if (ax != null && ay != null) n = Math.min(ax.size(), ay.size());
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = ax == null ? i : x.value(ax.get(i));
            ys[i] = ay == null ? i : y.value(ay.get(i));
        }
        String fill = Json.str(trace, "fill", "none");
        boolean xPadded = markers();
        boolean yPadded = !fill.equals("tozeroy") && !fill.equals("tonexty");
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) continue;
            if (xPadded) x.padded(xs[i]);
            else x.tight(xs[i]);
            if (yPadded) y.padded(ys[i]);
            else y.tight(ys[i]);
        }
        if (fill.equals("tozeroy")) y.tight(0);
        if (fill.equals("tozerox")) x.tight(0);
    }

    /** @return the trace's mode; plotly's default is lines+markers under 20 points, else lines */
    String mode() {
        return Json.str(trace, "mode", xs.length < 20 ? "lines+markers" : "lines");
    }

    private boolean markers() {
        return mode().contains("markers") || mode().contains("text");
    }

    @Override
    void paint(Graphics2D g) {
        List<Path2D> runs = runs();
        String fill = Json.str(trace, "fill", "none");
        Color line = lineColour();
        if (!fill.equals("none")) {
            Color fc = CssColor.parse(Json.str(trace, "fillcolor", null), CssColor.fade(line, 0.5));
            g.setColor(CssColor.fade(fc, opacity()));
            for (Path2D p : filled(runs, fill)) g.fill(p);
        }
        if (mode().contains("lines") && lineWidth() > 0) {
            g.setColor(CssColor.fade(line, opacity()));
            g.setStroke(stroke());
            for (Path2D p : runs) g.draw(p);
        }
        if (markers()) {
            double size = Json.num(Json.obj(trace, "marker"), "size", 6);
            g.setColor(CssColor.fade(colour(), opacity() * Json.num(Json.obj(trace, "marker"), "opacity", 1)));
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) continue;
                g.fill(new Ellipse2D.Double(x.px(xs[i]) - size / 2, y.px(ys[i]) - size / 2, size, size));
            }
        }
    }

    /** @return one path per run of points without a gap, in pixels */
    private List<Path2D> runs() {
        List<Path2D> runs = new ArrayList<>();
        Path2D cur = null;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                cur = null;
                continue;
            }
            double px = x.px(xs[i]);
            double py = y.px(ys[i]);
            if (cur == null) {
                cur = new Path2D.Double();
                cur.moveTo(px, py);
                runs.add(cur);
            } else {
                cur.lineTo(px, py);
            }
        }
        return runs;
    }

    private List<Path2D> filled(List<Path2D> runs, String fill) {
        if (fill.equals("toself")) return runs;
        List<Path2D> out = new ArrayList<>();
        if (!fill.equals("tozeroy") && !fill.equals("tozerox")) return out;
        for (Path2D run : runs) {
            Path2D p = (Path2D) run.clone();
            java.awt.geom.Point2D end = run.getCurrentPoint();
            java.awt.geom.PathIterator it = run.getPathIterator(null);
            double[] first = new double[6];
            it.currentSegment(first);
            if (fill.equals("tozeroy")) {
                p.lineTo(end.getX(), y.px(0));
                p.lineTo(first[0], y.px(0));
            } else {
                p.lineTo(x.px(0), end.getY());
                p.lineTo(x.px(0), first[1]);
            }
            p.closePath();
            out.add(p);
        }
        return out;
    }

    private Color lineColour() {
        String c = Json.str(Json.obj(trace, "line"), "color", null);
        return c == null ? colour() : CssColor.parse(c, colour());
    }

    private double lineWidth() {
        return Json.num(Json.obj(trace, "line"), "width", 2);
    }

    /** @return the line's stroke: width and plotly's dash patterns (dash, dot, dashdot, longdash, ...) */
    private Stroke stroke() {
        float w = (float) lineWidth();
        String dash = Json.str(Json.obj(trace, "line"), "dash", "solid");
        float[] pattern = switch (dash) {
            case "dash" -> new float[] {3 * w, 3 * w};
            case "dot" -> new float[] {w, 2 * w};
            case "dashdot" -> new float[] {3 * w, 2 * w, w, 2 * w};
            case "longdash" -> new float[] {5 * w, 3 * w};
            case "longdashdot" -> new float[] {5 * w, 2 * w, w, 2 * w};
            default -> null;
        };
        return pattern == null ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, pattern, 0);
    }

    @Override
    boolean inLegend() {
        return Json.bool(trace, "showlegend", true);
    }

    @Override
    void symbol(Graphics2D g, double x0, double y0) {
        Color line = lineColour();
        String fill = Json.str(trace, "fill", "none");
        if (!fill.equals("none")) {
            g.setColor(CssColor.parse(Json.str(trace, "fillcolor", null), CssColor.fade(line, 0.5)));
            g.fill(new Rectangle2D.Double(x0 + 5, y0 - 5, 30, 10));
        }
        if (mode().contains("lines")) {
            g.setColor(line);
            g.setStroke(stroke());
            if (fill.equals("toself")) g.draw(new Rectangle2D.Double(x0 + 5, y0 - 5, 30, 10));
            else g.draw(new Line2D.Double(x0 + 5, y0, x0 + 35, y0));
        }
        if (markers()) {
            g.setColor(colour());
            g.fill(new Ellipse2D.Double(x0 + 17, y0 - 3, 6, 6));
        }
    }
}
