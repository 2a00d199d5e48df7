package org.musicoder.kernel.js;

import java.util.List;

/**
 * Completions of the name under the cursor, as Jupyter's complete_reply wants them.
 *
 * @param start   offset in the cell (UTF-16 chars) where the replaced text starts
 * @param end     offset where it ends (the cursor)
 * @param matches candidate names, sorted, each replacing {@code code.substring(start, end)}
 */
public record JsCompletion(int start, int end, List<String> matches) {
    public JsCompletion {
        matches = List.copyOf(matches);
    }
}
