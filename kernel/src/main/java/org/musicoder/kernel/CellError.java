package org.musicoder.kernel;

import java.util.List;

/**
 * A cell that failed, as Jupyter shows it: a name ({@code ename}), one readable line ({@code evalue}) and the lines
 * of the error output ({@code traceback}). Thrown by the Java session and by magics; the kernel publishes it.
 */
public final class CellError extends Exception {
    private final String name;
    private final List<String> traceback;

    /**
     * @param name      short error name, e.g. {@code CompileError}, {@code ArithmeticException}, {@code MagicError}
     * @param message   one line saying what went wrong (and where: the cell's line)
     * @param traceback the lines shown under the cell (the message alone if empty)
     */
    public CellError(String name, String message, List<String> traceback) {
        super(message);
        this.name = name;
        this.traceback = traceback.isEmpty() ? List.of(name + ": " + message) : List.copyOf(traceback);
    }

    /** A one-line error: {@code name: message}. */
    public CellError(String name, String message) {
        this(name, message, List.of());
    }

    /** The error's name. */
    public String name() {
        return name;
    }

    /** The lines shown under the cell. */
    public List<String> traceback() {
        return traceback;
    }
}
