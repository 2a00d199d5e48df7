package org.musicoder.kernel.display.image;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musicoder.kernel.display.PlotlyLibrary;

/** Our named colour scales against the ones in the plotly.js bundle the kernel ships (its scales.js, minified). */
class ColorscaleTest {
    /** {@code Name:[[0,"rgb(...)"],[.35,"#abcdef"],...]} in plotly.min.js. */
    private static final Pattern SCALE = Pattern.compile("([A-Z][A-Za-z]+):\\[(\\[0,\"[^\"]+\"\\](?:,\\[[0-9.]+,\"[^\"]+\"\\])+)\\]");
    private static final Pattern STOP = Pattern.compile("\\[([0-9.]+),\"([^\"]+)\"\\]");

    static Map<String, double[][]> plotlyScales() {
        Map<String, double[][]> out = new HashMap<>();
        Matcher m = SCALE.matcher(PlotlyLibrary.source());
        while (m.find()) {
            Matcher s = STOP.matcher(m.group(2));
            java.util.List<double[]> stops = new java.util.ArrayList<>();
            while (s.find()) {
                Color c = Color.decode(hex(s.group(2)));
                stops.add(new double[] {Double.parseDouble(s.group(1)), c.getRed(), c.getGreen(), c.getBlue()});
            }
            out.put(m.group(1), stops.toArray(new double[0][]));
        }
        return out;
    }

    /** {@code rgb(5,10,172)} or {@code #440154} as {@code #RRGGBB}, read here independently of CssColor. */
    private static String hex(String css) {
        if (css.startsWith("#")) return css;
        String[] p = css.substring(4, css.length() - 1).split(",");
        return String.format("#%02x%02x%02x", Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    @Test
    void everyNamedScaleHasPlotlysStops() {
        Map<String, double[][]> plotly = plotlyScales();
        assertTrue(plotly.keySet().containsAll(java.util.List.of("RdBu", "Viridis", "Cividis", "Greys", "YlOrRd")),
                plotly.keySet().toString());
        assertEquals(plotly.keySet(), Colorscale.names(), "the same names");
        for (Map.Entry<String, double[][]> e : plotly.entrySet()) {
            Colorscale ours = Colorscale.named(e.getKey());
            for (double[] stop : e.getValue()) {
                Color c = ours.at(stop[0]);
                assertArrayEquals(new int[] {(int) stop[1], (int) stop[2], (int) stop[3]},
                        new int[] {c.getRed(), c.getGreen(), c.getBlue()}, e.getKey() + " at " + stop[0]);
            }
        }
    }

    @Test
    void betweenStopsColoursAreInterpolatedInRgbAndTheDefaultIsRdBu() {
        double[][] rdbu = plotlyScales().get("RdBu");
        Colorscale s = Colorscale.of(null, false);                 // no colorscale: plotly's default
        double t = (rdbu[0][0] + rdbu[1][0]) / 2;
        Color c = s.at(t);
        assertEquals((rdbu[0][1] + rdbu[1][1]) / 2, c.getRed(), 0.51);
        assertEquals((rdbu[0][2] + rdbu[1][2]) / 2, c.getGreen(), 0.51);
        assertEquals((rdbu[0][3] + rdbu[1][3]) / 2, c.getBlue(), 0.51);
        Color reversed = Colorscale.of(new com.google.gson.JsonPrimitive("RdBu"), true).at(0);
        assertEquals(new Color((int) rdbu[rdbu.length - 1][1], (int) rdbu[rdbu.length - 1][2],
                (int) rdbu[rdbu.length - 1][3]), reversed, "reversescale starts at the last stop");
    }
}
