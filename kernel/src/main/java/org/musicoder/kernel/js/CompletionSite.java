package org.musicoder.kernel.js;

import java.util.ArrayList;
import java.util.List;

/**
 * What is being completed at the cursor: a dotted chain of identifiers such as {@code Math.fl} or {@code feat}.
 *
 * @param start  offset where the last (partial) name starts
 * @param path   the names before the last dot ({@code ["Math"]}), empty for a global name
 * @param prefix the partial name ({@code "fl"}), possibly empty
 */
record CompletionSite(int start, List<String> path, String prefix) {
    /**
     * @param code   the cell
     * @param cursor the cursor offset, 0..code.length()
     * @return the site; a chain with an empty or non-identifier part before a dot yields a site whose path
     *         cannot resolve (so nothing is offered)
     */
    static CompletionSite at(String code, int cursor) {
        if (cursor < 0 || cursor > code.length()) {
            throw new IllegalArgumentException("cursor " + cursor + " is outside the cell (0.." + code.length() + ")");
        }
        int start = cursor;
        while (start > 0 && (isNamePart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) start--;
        String chain = code.substring(start, cursor);
        int dot = chain.lastIndexOf('.');
        String prefix = chain.substring(dot + 1);
        List<String> path = new ArrayList<>();
        if (dot >= 0) for (String part : chain.substring(0, dot).split("\\.", -1)) path.add(part);
        return new CompletionSite(cursor - prefix.length(), path, prefix);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
