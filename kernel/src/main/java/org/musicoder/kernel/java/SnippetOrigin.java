package org.musicoder.kernel.java;

/**
 * Where a JShell snippet came from: the execution count of its cell and the cell line it starts on (from 1).
 *
 * @param cell      execution count of the cell
 * @param firstLine line of the cell the snippet starts on
 */
record SnippetOrigin(int cell, int firstLine) {
    /** The cell line of the snippet's line {@code line} (from 1). */
    int cellLine(int line) {
        return firstLine + line - 1;
    }
}
