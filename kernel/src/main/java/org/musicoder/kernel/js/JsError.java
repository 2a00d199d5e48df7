package org.musicoder.kernel.js;

import java.util.List;

/**
 * A JS cell that failed: the JS error's name and message and where in the cell it was raised.
 * {@link #getMessage()} is one line, e.g. {@code TypeError: Cannot read property 'foo' of null (line 2, column 1)}.
 */
public final class JsError extends Exception {
    private final String name;
    private final String jsMessage;
    private final int line;
    private final int column;
    private final List<String> stack;
    private final boolean interrupted;

    /**
     * @param name        the JS error's name ({@code TypeError}, {@code SyntaxError}, ...), a Java exception's simple
     *                    class name when Java code called from JS threw, or {@code Interrupted}
     * @param jsMessage   its message, without the name
     * @param line        1-based line in the cell, 0 if unknown
     * @param column      1-based column in that line, 0 if unknown
     * @param stack       the JS frames, innermost first ({@code at f (cell-2.js:3:5)}), or source excerpt lines
     * @param interrupted true when {@link JsSession#interrupt()} stopped the cell
     */
    JsError(String name, String jsMessage, int line, int column, List<String> stack, boolean interrupted) {
        super(name + ": " + jsMessage + (line > 0 ? " (line " + line + ", column " + column + ")" : ""));
        this.name = name;
        this.jsMessage = jsMessage;
        this.line = line;
        this.column = column;
        this.stack = List.copyOf(stack);
        this.interrupted = interrupted;
    }

    /** The error's name, e.g. {@code TypeError}. */
    public String name() {
        return name;
    }

    /** The error's message without its name or location. */
    public String jsMessage() {
        return jsMessage;
    }

    /** 1-based line in the evaluated code where the error was raised; 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of {@link #line()}; 0 if unknown. */
    public int column() {
        return column;
    }

    /** JS stack frames (innermost first) or, for a syntax error, the offending source line and a caret. */
    public List<String> stack() {
        return stack;
    }

    /** Whether the cell was stopped by {@link JsSession#interrupt()} rather than failing. */
    public boolean interrupted() {
        return interrupted;
    }
}
