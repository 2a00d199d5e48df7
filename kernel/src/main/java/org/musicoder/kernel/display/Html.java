package org.musicoder.kernel.display;

/** HTML text escaping, and the reverse for the entities Tablesaw's templates write. */
public final class Html {
    private Html() {}

    /**
     * Escapes text for an HTML element body or a double- or single-quoted attribute value.
     *
     * @param text any text (null gives "")
     * @return {@code text} with {@code & < > " '} replaced by entities
     */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Escapes text for plotly's labels, which read a few HTML tags ({@code <b>}, {@code <br>}, ...) and entities:
     * {@code & < >} become entities plotly decodes back to the characters.
     *
     * @param text a label
     * @return the label as plotly should receive it to show it verbatim
     */
    public static String plotlyText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Decodes {@code &amp; &lt; &gt; &quot; &apos;} and numeric entities ({@code &#39;}, {@code &#x27;}); any other
     * {@code &} is kept as it is.
     *
     * @param text HTML-escaped text
     * @return the plain text
     */
    public static String unescape(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) return text;
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (amp >= 0) {
            sb.append(text, i, amp);
            int semi = text.indexOf(';', amp);
            String decoded = semi < 0 || semi - amp > 10 ? null : entity(text.substring(amp + 1, semi));
            if (decoded == null) {
                sb.append('&');
                i = amp + 1;
            } else {
                sb.append(decoded);
                i = semi + 1;
            }
            amp = text.indexOf('&', i);
        }
        return sb.append(text, i, text.length()).toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') return null;
        try {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
