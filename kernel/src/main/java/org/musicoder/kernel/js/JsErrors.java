package org.musicoder.kernel.js;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** Turns GraalVM's {@link PolyglotException} into a {@link JsError} that points into the cell. */
final class JsErrors {
    private JsErrors() {}

    /**
     * @param e          what the context threw while evaluating the cell
     * @param sourceName the name the cell was evaluated under (to find its frames)
     * @return the error, located at the innermost frame in the cell (or the innermost JS frame)
     */
    static JsError from(PolyglotException e, String sourceName) {
        if (e.isInterrupted() || e.isCancelled()) {
            return new JsError("Interrupted", "the JS cell was interrupted", 0, 0, List.of(), true);
        }
        SourceSection at = location(e, sourceName);
        int line = at == null ? 0 : at.getStartLine();
        int column = at == null ? 0 : at.getStartColumn();
        if (e.isSyntaxError()) return syntax(e, sourceName, line, column);
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            return new JsError(host.getClass().getSimpleName(), String.valueOf(host.getMessage()), line, column,
                    frames(e), false);
        }
        String name = errorName(e);
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(name + ": ")) message = message.substring(name.length() + 2);
        return new JsError(name, message, line, column, frames(e), false);
    }

    /** The JS error's {@code name} property ({@code TypeError}, ...), or {@code Error} for a thrown non-error value. */
    private static String errorName(PolyglotException e) {
        if (e.isInternalError()) return "InternalError";
        var thrown = e.getGuestObject();
        if (thrown != null && thrown.hasMembers() && thrown.hasMember("name") && thrown.getMember("name").isString()) {
            return thrown.getMember("name").asString();
        }
        return "Error";
    }

    /** GraalJS's syntax message is {@code SyntaxError: NAME:LINE:COL0 text}, then the line and a caret. */
    private static JsError syntax(PolyglotException e, String sourceName, int line, int column) {
        String[] lines = e.getMessage().split("\n");
        String first = lines[0].replaceFirst("^SyntaxError: ", "");
        first = first.replaceFirst("^" + java.util.regex.Pattern.quote(sourceName) + ":\\d+:\\d+ ", "");
        List<String> excerpt = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) if (!lines[i].isBlank()) excerpt.add(lines[i]);
        return new JsError("SyntaxError", first, line, column, excerpt, false);
    }

    /** The innermost frame in the cell; else the exception's own location; else none. */
    private static SourceSection location(PolyglotException e, String sourceName) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection s = f.getSourceLocation();
            if (f.isGuestFrame() && s != null && sourceName.equals(s.getSource().getName())) return s;
        }
        SourceSection s = e.getSourceLocation();
        return s != null && sourceName.equals(s.getSource().getName()) ? s : null;
    }

    private static List<String> frames(PolyglotException e) {
        List<String> out = new ArrayList<>();
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame() || f.getSourceLocation() == null) continue;
            SourceSection s = f.getSourceLocation();
            String root = f.getRootName();
            String fn = root == null || root.isEmpty() || root.startsWith(":") ? "<cell>" : root;
            out.add("at " + fn + " (" + s.getSource().getName() + ":" + s.getStartLine() + ":" + s.getStartColumn() + ")");
        }
        return out;
    }
}
