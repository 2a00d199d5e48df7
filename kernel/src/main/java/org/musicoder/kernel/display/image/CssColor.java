package org.musicoder.kernel.display.image;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/** CSS colour strings as plotly reads them: {@code #rgb}, {@code #rrggbb}, {@code rgb()}, {@code rgba()}, names. */
final class CssColor {
    /** plotly.js's default trace colours ({@code layout.colorway}, the D3 category-10 set). */
    static final String[] COLORWAY = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf"};
    /** plotly's default text and line colour. */
    static final Color INK = new Color(0x44, 0x44, 0x44);

    private static final Map<String, Integer> NAMES = Map.ofEntries(Map.entry("white", 0xffffff),
            Map.entry("black", 0x000000), Map.entry("red", 0xff0000), Map.entry("green", 0x008000),
            Map.entry("blue", 0x0000ff), Map.entry("orange", 0xffa500), Map.entry("gray", 0x808080),
            Map.entry("grey", 0x808080), Map.entry("lightgray", 0xd3d3d3), Map.entry("lightgrey", 0xd3d3d3),
            Map.entry("darkgray", 0xa9a9a9), Map.entry("darkgrey", 0xa9a9a9), Map.entry("yellow", 0xffff00),
            Map.entry("purple", 0x800080), Map.entry("magenta", 0xff00ff), Map.entry("cyan", 0x00ffff),
            Map.entry("navy", 0x000080), Map.entry("teal", 0x008080), Map.entry("brown", 0xa52a2a),
            Map.entry("pink", 0xffc0cb), Map.entry("steelblue", 0x4682b4), Map.entry("crimson", 0xdc143c),
            Map.entry("darkblue", 0x00008b), Map.entry("darkred", 0x8b0000), Map.entry("darkgreen", 0x006400),
            Map.entry("lightblue", 0xadd8e6), Map.entry("gold", 0xffd700), Map.entry("silver", 0xc0c0c0));

    private CssColor() {}

    /**
     * @param css  a colour string (may be null)
     * @param dflt what to use when it is missing or unreadable
     * @return the colour, with its alpha
     */
    static Color parse(String css, Color dflt) {
        if (css == null) return dflt;
        String s = css.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("#") && s.length() == 4) {
                int r = Integer.parseInt(s.substring(1, 2), 16);
                int g = Integer.parseInt(s.substring(2, 3), 16);
                int b = Integer.parseInt(s.substring(3, 4), 16);
                return new Color(r * 17, g * 17, b * 17);
            }
            if (s.startsWith("#") && s.length() == 7) return new Color(Integer.parseInt(s.substring(1), 16));
            if (s.startsWith("rgb")) {
                String[] p = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).split(",");
                int a = p.length > 3 ? (int) Math.round(255 * clamp(Double.parseDouble(p[3].trim()))) : 255;
                return new Color(channel(p[0]), channel(p[1]), channel(p[2]), a);
            }
            if (s.equals("transparent")) return new Color(0, 0, 0, 0);
        } catch (RuntimeException e) {
            return dflt;
        }
        Integer named = NAMES.get(s);
        return named == null ? dflt : new Color(named);
    }

    /** @return trace {@code index}'s default colour */
    static Color trace(int index) {
        return parse(COLORWAY[index % COLORWAY.length], INK);
    }

    /** @return {@code c} with its alpha multiplied by {@code opacity} */
    static Color fade(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(c.getAlpha() * clamp(opacity)));
    }

    private static int channel(String s) {
        return (int) Math.round(Math.max(0, Math.min(255, Double.parseDouble(s.trim()))));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
