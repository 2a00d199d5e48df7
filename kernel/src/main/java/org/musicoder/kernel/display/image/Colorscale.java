package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.awt.Color;
import java.util.Map;

/**
 * A plotly colour scale: stops {@code (t, colour)} with {@code t} from 0 to 1, colours interpolated linearly in RGB
 * between stops, as plotly.js does. The named scales are plotly.js's own, with the same names and stops.
 */
final class Colorscale {
    /*
     * The stops below are facts read from plotly.js 2.35.3 (src/components/colorscale/scales.js, as bundled in npm's
     * plotly.js-dist-min 2.35.3, which the kernel ships; MIT license, Copyright (c) 2024 Plotly, Inc.). ColorscaleTest
     * checks them against that bundle.
     */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("Blackbody", "0 rgb(0,0,0); 0.2 rgb(230,0,0); 0.4 rgb(230,210,0); 0.7 rgb(255,255,255); "
                    + "1 rgb(160,200,255)"),
            Map.entry("Bluered", "0 rgb(0,0,255); 1 rgb(255,0,0)"),
            Map.entry("Blues", "0 rgb(5,10,172); 0.35 rgb(40,60,190); 0.5 rgb(70,100,245); 0.6 rgb(90,120,245); "
                    + "0.7 rgb(106,137,247); 1 rgb(220,220,220)"),
            Map.entry("Cividis", "0 rgb(0,32,76); 0.058824 rgb(0,42,102); 0.117647 rgb(0,52,110); "
                    + "0.176471 rgb(39,63,108); 0.235294 rgb(60,74,107); 0.294118 rgb(76,85,107); "
                    + "0.352941 rgb(91,95,109); 0.411765 rgb(104,106,112); 0.470588 rgb(117,117,117); "
                    + "0.529412 rgb(131,129,120); 0.588235 rgb(146,140,120); 0.647059 rgb(161,152,118); "
                    + "0.705882 rgb(176,165,114); 0.764706 rgb(192,177,109); 0.823529 rgb(209,191,102); "
                    + "0.882353 rgb(225,204,92); 0.941176 rgb(243,219,79); 1 rgb(255,233,69)"),
            Map.entry("Earth", "0 rgb(0,0,130); 0.1 rgb(0,180,180); 0.2 rgb(40,210,40); 0.4 rgb(230,230,50); "
                    + "0.6 rgb(120,70,20); 1 rgb(255,255,255)"),
            Map.entry("Electric", "0 rgb(0,0,0); 0.15 rgb(30,0,100); 0.4 rgb(120,0,100); 0.6 rgb(160,90,0); "
                    + "0.8 rgb(230,200,0); 1 rgb(255,250,220)"),
            Map.entry("Greens", "0 rgb(0,68,27); 0.125 rgb(0,109,44); 0.25 rgb(35,139,69); 0.375 rgb(65,171,93); "
                    + "0.5 rgb(116,196,118); 0.625 rgb(161,217,155); 0.75 rgb(199,233,192); "
                    + "0.875 rgb(229,245,224); 1 rgb(247,252,245)"),
            Map.entry("Greys", "0 rgb(0,0,0); 1 rgb(255,255,255)"),
            Map.entry("Hot", "0 rgb(0,0,0); 0.3 rgb(230,0,0); 0.6 rgb(255,210,0); 1 rgb(255,255,255)"),
            Map.entry("Jet", "0 rgb(0,0,131); 0.125 rgb(0,60,170); 0.375 rgb(5,255,255); 0.625 rgb(255,255,0); "
                    + "0.875 rgb(250,0,0); 1 rgb(128,0,0)"),
            Map.entry("Picnic", "0 rgb(0,0,255); 0.1 rgb(51,153,255); 0.2 rgb(102,204,255); "
                    + "0.3 rgb(153,204,255); 0.4 rgb(204,204,255); 0.5 rgb(255,255,255); 0.6 rgb(255,204,255); "
                    + "0.7 rgb(255,153,255); 0.8 rgb(255,102,204); 0.9 rgb(255,102,102); 1 rgb(255,0,0)"),
            Map.entry("Portland", "0 rgb(12,51,131); 0.25 rgb(10,136,186); 0.5 rgb(242,211,56); "
                    + "0.75 rgb(242,143,56); 1 rgb(217,30,30)"),
            Map.entry("Rainbow", "0 rgb(150,0,90); 0.125 rgb(0,0,200); 0.25 rgb(0,25,255); 0.375 rgb(0,152,255); "
                    + "0.5 rgb(44,255,150); 0.625 rgb(151,255,0); 0.75 rgb(255,234,0); 0.875 rgb(255,111,0); "
                    + "1 rgb(255,0,0)"),
            Map.entry("RdBu", "0 rgb(5,10,172); 0.35 rgb(106,137,247); 0.5 rgb(190,190,190); "
                    + "0.6 rgb(220,170,132); 0.7 rgb(230,145,90); 1 rgb(178,10,28)"),
            Map.entry("Reds", "0 rgb(220,220,220); 0.2 rgb(245,195,157); 0.4 rgb(245,160,105); 1 rgb(178,10,28)"),
            Map.entry("Viridis", "0 #440154; 0.06274509803921569 #48186a; 0.12549019607843137 #472d7b; "
                    + "0.18823529411764706 #424086; 0.25098039215686274 #3b528b; 0.3137254901960784 #33638d; "
                    + "0.3764705882352941 #2c728e; 0.4392156862745098 #26828e; 0.5019607843137255 #21918c; "
                    + "0.5647058823529412 #1fa088; 0.6274509803921569 #28ae80; 0.6901960784313725 #3fbc73; "
                    + "0.7529411764705882 #5ec962; 0.8156862745098039 #84d44b; 0.8784313725490196 #addc30; "
                    + "0.9411764705882353 #d8e219; 1 #fde725"),
            Map.entry("YlGnBu", "0 rgb(8,29,88); 0.125 rgb(37,52,148); 0.25 rgb(34,94,168); "
                    + "0.375 rgb(29,145,192); 0.5 rgb(65,182,196); 0.625 rgb(127,205,187); "
                    + "0.75 rgb(199,233,180); 0.875 rgb(237,248,217); 1 rgb(255,255,217)"),
            Map.entry("YlOrRd", "0 rgb(128,0,38); 0.125 rgb(189,0,38); 0.25 rgb(227,26,28); 0.375 rgb(252,78,42); "
                    + "0.5 rgb(253,141,60); 0.625 rgb(254,178,76); 0.75 rgb(254,217,118); 0.875 rgb(255,237,160); "
                    + "1 rgb(255,255,204)"));
    /** plotly.js's default when a trace names no scale ({@code defaultScale}): RdBu. */
    static final String DEFAULT = "RdBu";

    private final double[] at;
    private final Color[] colour;

    private Colorscale(double[] at, Color[] colour) {
        this.at = at;
        this.colour = colour;
    }

    /** @return the names of plotly's named scales */
    static java.util.Set<String> names() {
        return NAMED.keySet();
    }

    /**
     * @param spec    a trace's {@code colorscale}: a name, or an array of {@code [t, colour]} pairs; null or
     *                unreadable gives {@link #DEFAULT}
     * @param reverse the trace's {@code reversescale}
     * @return the scale
     */
    static Colorscale of(JsonElement spec, boolean reverse) {
        Colorscale s = null;
        if (spec != null && spec.isJsonPrimitive()) s = named(spec.getAsString());
        if (spec != null && spec.isJsonArray()) s = pairs(spec.getAsJsonArray());
        if (s == null) s = named(DEFAULT);
        return reverse ? s.reversed() : s;
    }

    /** @return the named scale (case as plotly spells it), or null */
    static Colorscale named(String name) {
        String stops = NAMED.get(name);
        if (stops == null) return null;
        String[] p = stops.split("; ");
        double[] at = new double[p.length];
        Color[] c = new Color[p.length];
        for (int i = 0; i < p.length; i++) {
            int sp = p[i].indexOf(' ');
            at[i] = Double.parseDouble(p[i].substring(0, sp));
            c[i] = CssColor.parse(p[i].substring(sp + 1), Color.BLACK);
        }
        return new Colorscale(at, c);
    }

    private static Colorscale pairs(JsonArray a) {
        if (a.size() < 2) return null;
        double[] at = new double[a.size()];
        Color[] c = new Color[a.size()];
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isJsonArray() || a.get(i).getAsJsonArray().size() != 2) return null;
            JsonArray pair = a.get(i).getAsJsonArray();
            at[i] = Json.num(pair.get(0));
            c[i] = CssColor.parse(pair.get(1).isJsonPrimitive() ? pair.get(1).getAsString() : null, null);
            if (Double.isNaN(at[i]) || c[i] == null || (i > 0 && at[i] < at[i - 1])) return null;
        }
        return new Colorscale(at, c);
    }

    private Colorscale reversed() {
        int n = at.length;
        double[] a = new double[n];
        Color[] c = new Color[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1 - at[n - 1 - i];
            c[i] = colour[n - 1 - i];
        }
        return new Colorscale(a, c);
    }

    /**
     * @param t position on the scale, clamped to [0, 1]
     * @return the colour there (RGB interpolation between the neighbouring stops)
     */
    Color at(double t) {
        double v = Math.max(at[0], Math.min(at[at.length - 1], t));
        int i = 1;
        while (i < at.length - 1 && at[i] < v) i++;
        double span = at[i] - at[i - 1];
        double f = span <= 0 ? 1 : (v - at[i - 1]) / span;
        Color a = colour[i - 1];
        Color b = colour[i];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f), mix(a.getAlpha(), b.getAlpha(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
