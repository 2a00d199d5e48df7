package org.musicoder.kernel.display.image;

import java.util.regex.Pattern;
import org.musicoder.kernel.display.Html;

/**
 * Plotly's label text as plain lines: {@code <br>} breaks a line, the style tags plotly reads ({@code <b>},
 * {@code <i>}, {@code <sup>}, {@code <span ...>}, ...) are dropped, entities are decoded; any other tag stays as
 * text, as plotly shows it.
 */
final class Label {
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("</?(b|i|em|sup|sub|s|u|span|a)(\\s[^>]*)?>",
            Pattern.CASE_INSENSITIVE);

    private Label() {}

    /**
     * @param text a plotly label (null gives none)
     * @return its lines, as shown
     */
    static String[] lines(String text) {
        if (text == null || text.isEmpty()) return new String[0];
        String[] parts = BREAK.split(text, -1);
        for (int i = 0; i < parts.length; i++) parts[i] = Html.unescape(STYLE.matcher(parts[i]).replaceAll(""));
        return parts;
    }

    /** @return the label on one line (lines joined by a space) */
    static String flat(String text) {
        return String.join(" ", lines(text));
    }
}
