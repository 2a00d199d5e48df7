package org.musicoder.kernel.java;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Cuts a cell into JShell snippets with JShell's own parser, remembering where each starts in the cell. */
final class CellSplitter {
    /**
     * One snippet of a cell.
     *
     * @param source   the snippet as JShell takes it (a missing final semicolon added)
     * @param start    offset in the cell where {@code source} starts
     * @param end      offset just past it in the cell
     * @param complete whether JShell found it complete (the last piece of a cell may not be)
     */
    record Piece(String source, int start, int end, boolean complete) {}

    private CellSplitter() {}

    /**
     * @param analysis JShell's source analysis
     * @param cell     the cell's code
     * @return its snippets in order (an incomplete rest is the last piece, not complete)
     */
    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        while (pos < cell.length()) {
            String rest = cell.substring(pos);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) break;
            boolean complete = c.isComplete();
            String source = complete ? info.source() : rest;
            int start = pos + offsetOf(rest, source, c == Completeness.COMPLETE_WITH_SEMI);
            int end = complete ? cell.length() - info.remaining().length() : cell.length();
            pieces.add(new Piece(source, start, end, complete));
            if (!complete || end <= pos) break;
            pos = end;
        }
        return pieces;
    }

    /** Where {@code source} (less the semicolon JShell added) starts in {@code rest}. */
    private static int offsetOf(String rest, String source, boolean addedSemicolon) {
        String core = addedSemicolon ? source.substring(0, source.length() - 1) : source;
        int at = core.isEmpty() ? -1 : rest.indexOf(core);
        return at >= 0 ? at : leadingBlank(rest);
    }

    /** Offset of the first character of {@code s} that is not whitespace or part of a comment. */
    static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** Line (from 1) of offset {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
