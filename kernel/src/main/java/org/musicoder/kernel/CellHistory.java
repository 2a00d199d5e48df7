package org.musicoder.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The session's executed cells for {@code history_request}: tail, range and glob search, each entry
 * {@code [session, line, input]} or {@code [session, line, [input, output]]}. The kernel keeps one session,
 * numbered {@value #SESSION}; a request for session 0 (the current one) means it too. Keeps the last {@value #MAX}
 * cells (a day in one notebook stays within it; older ones are dropped, so the history does not grow without end).
 */
final class CellHistory {
    static final int SESSION = 1;
    static final int MAX = 10_000;

    private record Cell(int count, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    /**
     * @param count  the cell's execution count
     * @param input  its code
     * @param output its result as plain text, or null
     */
    synchronized void add(int count, String input, String output) {
        if (cells.size() == MAX) cells.remove(0);
        cells.add(new Cell(count, input, output));
    }

    /** The last {@code n} cells. */
    synchronized List<Object> tail(int n, boolean output) {
        return entries(cells.subList(Math.max(0, cells.size() - n), cells.size()), output);
    }

    /** Cells with {@code start <= count < stop} of the given session (0 or {@value #SESSION}). */
    synchronized List<Object> range(int session, int start, int stop, boolean output) {
        if (session != 0 && session != SESSION) return List.of();
        return entries(cells.stream().filter(c -> c.count >= start && c.count < stop).toList(), output);
    }

    /**
     * The last {@code n} cells whose input matches a glob ({@code *} any text, {@code ?} one character).
     *
     * @param glob   the pattern, matched against the whole input
     * @param n      at most this many (the latest); 0 or less for all
     * @param unique keep only the latest of equal inputs
     * @param output include outputs
     */
    synchronized List<Object> search(String glob, int n, boolean unique, boolean output) {
        Pattern p = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Cell> hits = cells.stream().filter(c -> p.matcher(c.input).matches()).toList();
        if (unique) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell c : hits) {
                latest.remove(c.input);
                latest.put(c.input, c);
            }
            hits = new ArrayList<>(latest.values());
        }
        if (n > 0 && hits.size() > n) hits = hits.subList(hits.size() - n, hits.size());
        return entries(hits, output);
    }

    private static List<Object> entries(List<Cell> cells, boolean output) {
        List<Object> out = new ArrayList<>();
        for (Cell c : cells)
            out.add(Arrays.asList(SESSION, c.count, output ? Arrays.asList(c.input, c.output) : c.input));
        return out;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*') sb.append(".*");
            else if (ch == '?') sb.append('.');
            else sb.append(Pattern.quote(String.valueOf(ch)));
        }
        return sb.toString();
    }
}
