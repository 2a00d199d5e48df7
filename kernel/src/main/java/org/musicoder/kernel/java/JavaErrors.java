package org.musicoder.kernel.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;
import org.musicoder.kernel.CellError;

/** Turns JShell's compile diagnostics and snippet exceptions into {@link CellError}s that name the cell's line. */
final class JavaErrors {
    private JavaErrors() {}

    /**
     * A snippet that did not compile.
     *
     * @param cell   the cell's code
     * @param start  offset of the snippet in the cell
     * @param source the snippet as compiled
     * @param diags  JShell's diagnostics of the snippet (errors first)
     * @return the error: evalue {@code line N: message}, traceback with the line and a caret
     */
    static CellError compile(String cell, int start, String source, List<Diag> diags) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) continue;
            int at = start + (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
            int line = CellSplitter.lineOf(cell, at);
            String[] msg = d.getMessage(Locale.ROOT).split("\n");
            String head = "line " + line + ": " + msg[0];
            if (first == null) first = head;
            lines.add(head);
            int lineStart = cell.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            if (at > 0 && at <= cell.length() && cell.charAt(at - 1) == '\n') lineStart = at;
            int lineEnd = cell.indexOf('\n', lineStart);
            lines.add("    " + cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd));
            lines.add("    " + " ".repeat(Math.max(0, at - lineStart)) + "^");
            for (int i = 1; i < msg.length; i++)
                if (!msg[i].strip().startsWith("location:")) lines.add("  " + msg[i].strip());
        }
        if (first == null) first = "the code does not compile";
        return new CellError("CompileError", first, lines);
    }

    /**
     * An exception thrown while a snippet ran.
     *
     * @param e       JShell's report of it
     * @param origins where each snippet (by id) came from
     * @param nameOf  describes an unresolved snippet (for {@link UnresolvedReferenceException})
     * @return the error: ename the exception's simple class name, evalue its message and the cell line
     */
    static CellError runtime(JShellException e, Map<String, SnippetOrigin> origins, Function<Snippet, String> nameOf) {
        if (e instanceof UnresolvedReferenceException u) {
            String what = nameOf.apply(u.getSnippet());
            return new CellError("UnresolvedReference", what + " cannot be used until what it refers to is declared");
        }
        EvalException ev = (EvalException) e;
        String cls = ev.getExceptionClassName();
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        String where = null;
        List<String> lines = new ArrayList<>();
        lines.add(cls + (ev.getMessage() == null ? "" : ": " + ev.getMessage()));
        for (StackTraceElement f : ev.getStackTrace()) {
            String file = f.getFileName();
            if (file != null && file.startsWith("#")) {
                SnippetOrigin o = origins.get(file.substring(1));
                String at = o == null ? "an earlier cell" : "cell " + o.cell() + ", line " + o.cellLine(f.getLineNumber());
                if (where == null) where = at;
                String method = f.getMethodName();
                lines.add("    at " + (method.equals("do_it$") ? at : method + " (" + at + ")"));
            } else if (f.getClassName().startsWith("jdk.internal.reflect.") || f.getClassName().startsWith("java.lang.reflect.")
                    || f.getClassName().startsWith(Trampoline.class.getName())) {
                break;
            } else {
                lines.add("    at " + f);
            }
        }
        for (Throwable c = ev.getCause(); c != null; c = c.getCause()) {
            String name = c instanceof EvalException ce ? ce.getExceptionClassName() : c.getClass().getName();
            lines.add("Caused by: " + name + (c.getMessage() == null ? "" : ": " + c.getMessage()));
        }
        String msg = ev.getMessage() == null ? cls : ev.getMessage();
        return new CellError(simple, where == null ? msg : msg + " (" + where + ")", lines);
    }
}
