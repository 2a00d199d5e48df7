package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A heatmap trace: {@code z} rows (y) x columns (x), bricks between the midpoints of the {@code x} / {@code y}
 * centres (or {@code x0 + i dx}), coloured by the trace's colour scale over {@code zmin..zmax} (the data's range, or
 * symmetric about {@code zmid}); missing values stay empty. Painted pixel by pixel, each pixel taking the brick under
 * its centre, with the scale sampled at {@link #LEVELS} levels (steps of a few RGB units: none shows).
 */
final class HeatmapLayer extends Layer {
    static final int LEVELS = 128;
    double[][] z = new double[0][];
    double[] xEdges;
    double[] yEdges;
    double zmin;
    double zmax;
    Color[] lut;

    HeatmapLayer(JsonObject trace, int index, Axis x, Axis y) {
        super(trace, index, x, y);
        x.hasHeatmap = true;
        y.hasHeatmap = true;
    }

    @Override
    void extend() {
        JsonArray rows = Json.arr(trace, "z");
        int cols = 0;
        if (rows != null) {
            z = new double[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                JsonElement row = rows.get(r);
                JsonArray a = row.isJsonArray() ? row.getAsJsonArray() : new JsonArray();
                z[r] = new double[a.size()];
                for (int c = 0; c < a.size(); c++) z[r][c] = Json.num(a.get(c));
                cols = Math.max(cols, a.size());
            }
        }
        xEdges = edges(x, Json.arr(trace, "x"), cols, Json.num(trace, "x0", 0), Json.num(trace, "dx", 1));
        yEdges = edges(y, Json.arr(trace, "y"), z.length, Json.num(trace, "y0", 0), Json.num(trace, "dy", 1));
        for (double e : xEdges) x.tight(e);
        for (double e : yEdges) y.tight(e);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        boolean auto = Json.bool(trace, "zauto", !(trace.has("zmin") && trace.has("zmax")));   // plotly's default
        double mid = Json.num(trace, "zmid", Double.NaN);
        if (auto && Double.isFinite(mid)) {
            double d = Math.max(hi - mid, mid - lo);
            lo = mid - d;
            hi = mid + d;
        }
        zmin = auto ? lo : Json.num(trace, "zmin", lo);
        zmax = auto ? hi : Json.num(trace, "zmax", hi);
        if (zmax <= zmin) zmax = zmin + 1;
        Colorscale scale = Colorscale.of(trace.get("colorscale"), Json.bool(trace, "reversescale", false));
        lut = new Color[LEVELS];
        for (int i = 0; i < LEVELS; i++) lut[i] = scale.at(i / (LEVELS - 1.0));
    }

    /** Brick edges along one axis: midpoints between centres, half a step beyond the ends. */
    private static double[] edges(Axis axis, JsonArray centres, int n, double start, double step) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = centres != null && i < centres.size() ? axis.value(centres.get(i)) : start + i * step;
            if (Double.isNaN(c[i])) c[i] = i == 0 ? start : c[i - 1] + step;
        }
        double[] e = new double[n + 1];
        if (n == 0) return new double[0];
        if (n == 1) return new double[] {c[0] - 0.5, c[0] + 0.5};
        for (int i = 1; i < n; i++) e[i] = (c[i - 1] + c[i]) / 2;
        e[0] = c[0] - (c[1] - c[0]) / 2;
        e[n] = c[n - 1] + (c[n - 1] - c[n - 2]) / 2;
        return e;
    }

    /** @return the colour of value {@code v}, or null for a missing one */
    Color colour(double v) {
        if (!Double.isFinite(v)) return null;
        double t = (v - zmin) / (zmax - zmin);
        return lut[(int) Math.round(Math.max(0, Math.min(1, t)) * (LEVELS - 1))];
    }

    @Override
    void paint(Graphics2D g) {
        if (xEdges.length < 2 || yEdges.length < 2) return;
        int left = (int) Math.floor(Math.min(x.px0, x.px1));
        int top = (int) Math.floor(Math.min(y.px0, y.px1));
        int w = (int) Math.ceil(x.length());
        int h = (int) Math.ceil(y.length());
        if (w < 1 || h < 1) return;
        int[] col = new int[w];
        int[] row = new int[h];
        for (int i = 0; i < w; i++) col[i] = brick(xEdges, x.data(left + i + 0.5));
        for (int j = 0; j < h; j++) row[j] = brick(yEdges, y.data(top + j + 0.5));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        float alpha = (float) opacity();
        for (int j = 0; j < h; j++) {
            if (row[j] < 0 || row[j] >= z.length) continue;
            double[] zr = z[row[j]];
            for (int i = 0; i < w; i++) {
                if (col[i] < 0 || col[i] >= zr.length) continue;
                Color c = colour(zr[col[i]]);
                if (c != null) img.setRGB(i, j, c.getRGB());
            }
        }
        java.awt.Composite saved = g.getComposite();
        if (alpha < 1) g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, alpha));
        g.drawImage(img, left, top, null);
        g.setComposite(saved);
    }

    /** @return the brick holding {@code v} (edges ascending or descending), or -1 */
    private static int brick(double[] edges, double v) {
        int n = edges.length - 1;
        boolean up = edges[n] >= edges[0];
        double lo = up ? edges[0] : edges[n];
        double hi = up ? edges[n] : edges[0];
        if (!(v >= lo && v < hi)) return -1;
        if (up) {
            int i = Arrays.binarySearch(edges, v);
            return i >= 0 ? Math.min(i, n - 1) : -i - 2;
        }
        for (int i = 0; i < n; i++) if (v <= edges[i] && v > edges[i + 1]) return i;
        return -1;
    }

    @Override
    boolean inLegend() {
        return Json.bool(trace, "showlegend", false);
    }

    /** @return whether it shows a colour bar ({@code showscale}, default true) */
    boolean showScale() {
        return Json.bool(trace, "showscale", true);
    }
}
