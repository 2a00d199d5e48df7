package org.musicoder.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument text into words like a shell does: blanks separate, quotes group, backslash escapes. */
final class Tokens {
    /**
     * One word.
     *
     * @param text  the word without quotes
     * @param start offset of its first character in the line
     * @param end   offset just past it
     */
    record Token(String text, int start, int end) {}

    private Tokens() {}

    /**
     * @param line the text after the magic's name
     * @return its words
     * @throws MagicException for an unclosed quote
     */
    static List<Token> split(String line) throws MagicException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n && (quote != 0 || !Character.isWhitespace(line.charAt(i)))) {
                char c = line.charAt(i);
                if (quote != 0 && c == quote) {
                    quote = 0;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (c == '\\' && quote != '\'' && i + 1 < n) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
                i++;
            }
            if (quote != 0) throw new MagicException("unclosed " + quote + " in: " + line.strip());
            out.add(new Token(word.toString(), start, i));
        }
        return out;
    }

    /** As {@link #split} but an unclosed quote just ends the last word (for completing while typing). */
    static List<Token> splitLenient(String line) {
        try {
            return split(line);
        } catch (MagicException e) {
            int q = Math.max(line.lastIndexOf('"'), line.lastIndexOf('\''));
            List<Token> head = splitLenient(line.substring(0, q));
            List<Token> out = new ArrayList<>(head);
            out.add(new Token(line.substring(q + 1), q, line.length()));
            return out;
        }
    }
}
