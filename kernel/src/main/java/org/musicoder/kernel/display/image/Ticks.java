package org.musicoder.kernel.display.image;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Automatic ticks of a linear axis the way plotly.js chooses them: about one tick per 80 px on x and 40 px on y
 * (4 to 9 intervals, plus one), a step of 1, 2 or 5 times a power of ten, ticks at multiples of the step; labels
 * rounded 2 digits past the step's leading digit, trailing zeros dropped, plotly's minus sign (U+2212), and a
 * common exponent when the range's largest end is beyond 10^3 or below 10^-3 ({@code exponentformat}).
 */
final class Ticks {
    static final char MINUS = '\u2212';
    private static final String SI = "yzafpnμm kMGTPEZY";

    final List<Double> values = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    /**
     * @param lo             range start (data units)
     * @param hi             range end
     * @param lengthPx       axis length in pixels
     * @param vertical       whether the axis runs vertically (40 px per tick instead of 80)
     * @param nticks         the axis's {@code nticks} (0: automatic)
     * @param exponentformat {@code B} (plotly's default), {@code e}, {@code E}, {@code power}, {@code SI},
     *                       {@code none}
     * @return the ticks inside the range
     */
    static Ticks auto(double lo, double hi, double lengthPx, boolean vertical, int nticks, String exponentformat) {
        Ticks t = new Ticks();
        double a = Math.min(lo, hi);
        double b = Math.max(lo, hi);
        if (!(b > a) || !Double.isFinite(a) || !Double.isFinite(b)) return t;
        double nt = nticks > 0 ? nticks : Math.max(4, Math.min(9, lengthPx / (vertical ? 40 : 80))) + 1;
        double rough = (b - a) / nt;
        double base = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / base;
        double step = base * (f <= 2 ? 2 : f <= 5 ? 5 : 10);
        int round = 2 - (int) Math.floor(Math.log10(step) + 0.01);
        double maxEnd = Math.max(Math.abs(lo), Math.abs(hi));
        int rangeExp = (int) Math.floor(Math.log10(maxEnd) + 0.01);
        int exponent = 0;
        String fmt = exponentformat == null ? "B" : exponentformat;
        if (Math.abs(rangeExp) > 3 && !fmt.equals("none")) {
            boolean si = fmt.equals("B") || fmt.equals("SI");
            exponent = si && rangeExp >= -24 && rangeExp <= 26 ? 3 * (int) Math.round((rangeExp - 1) / 3.0) : rangeExp;
        }
        long first = (long) Math.ceil(a / step - 1e-9);
        for (long k = first; k * step <= b + step * 1e-9; k++) {
            double v = k * step;
            t.values.add(v);
            t.texts.add(format(v, round, exponent, fmt));
        }
        return t;
    }

    /**
     * @param v        tick value
     * @param round    decimals to keep before the exponent is taken out
     * @param exponent common exponent (0: none)
     * @param fmt      exponent format
     * @return the label
     */
    static String format(double v, int round, int exponent, String fmt) {
        double eps = Math.pow(10, -round) / 2;
        if (Math.abs(v) < eps) return "0";
        double m = v * Math.pow(10, -exponent);
        int digits = round + exponent;
        String s = digits <= 0 ? Long.toString(Math.round(m))
                : new BigDecimal(m).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        if (s.equals("-0")) s = "0";
        s = s.replace('-', MINUS);
        if (exponent == 0) return s;
        String sign = exponent < 0 ? Character.toString(MINUS) : fmt.equals("power") ? "" : "+";
        String signed = sign + Math.abs(exponent);
        switch (fmt) {
            case "e", "E" -> {
                return s + fmt + signed;
            }
            case "power" -> {
                return s + "×10^" + signed;
            }
            default -> {
                if (fmt.equals("B") && exponent == 9) return s + "B";
                int i = exponent / 3 + 8;
                return i >= 0 && i < SI.length() ? s + SI.charAt(i) : s + "e" + signed;
            }
        }
    }

    /**
     * @param v a number (a tick value given without a text)
     * @return its label, plotly style, with up to 6 significant digits
     */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v).replace('-', MINUS);
        return new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()
                .replace('-', MINUS);
    }
}
