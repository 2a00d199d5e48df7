package org.musicoder.kernel.magic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.musicoder.kernel.CellError;
import org.musicoder.kernel.java.JavaSession;
import org.musicoder.kernel.java.JavaSession.Completions;
import org.musicoder.kernel.js.JsCompletion;
import org.musicoder.kernel.js.JsError;
import org.musicoder.kernel.js.JsMode;
import org.musicoder.kernel.js.JsSession;

/**
 * The session's JavaScript ({@code %%js} cells): one {@link JsSession} per kernel session, and the sharing of names
 * with the Java cells. Before a JS cell, every Java variable whose object changed since the last cell becomes a JS
 * global of the same name (the object itself: arrays are shared, not copied). After it, every global the JS cells
 * made (not a JS built-in) whose value changed becomes a Java variable of the same name through the kernel's
 * bindings ({@link JsSession#eval}'s conversions: numbers, strings, {@code float[]}, lists, maps, Java objects as
 * themselves; functions as their source text). Names that are not Java identifiers, and globals holding
 * {@code undefined} or {@code null}, stay in JS.
 */
public final class JsBridge implements AutoCloseable {
    private final JsSession js;
    private volatile PrintStream out = System.out;
    private volatile PrintStream err = System.err;
    private final Map<String, Object> lastPut = new HashMap<>();
    private final Map<String, Object> lastExported = new HashMap<>();
    private Set<String> builtins;
    private static volatile Object[] handed;

    JsBridge() {
        this.js = new JsSession(() -> out, () -> err);
    }

    /** The JS session (its globals, {@link JsSession#mode()}). */
    public JsSession js() {
        return js;
    }

    /** Whether JS runs interpreted or compiled, or has not started. */
    public JsMode mode() {
        return js.mode();
    }

    /**
     * Runs a JS cell with the Java variables shared both ways.
     *
     * @param code the cell's body
     * @param ctx  the running magic (outputs, Java session, bindings)
     * @return the cell's last value as {@link JsSession#eval} converts it (null for undefined)
     * @throws JsError the JS error, with its line in {@code code}
     * @throws CellError if exporting a value to Java fails in JShell
     */
    synchronized Object run(String code, MagicContext ctx) throws JsError, CellError {
        out = ctx.out();
        err = ctx.output().err();
        try {
            if (js.mode() == JsMode.NOT_STARTED) {
                builtins = null;
                lastExported.clear();
            }
            importJava(ctx.java());
            if (builtins == null) {
                js.eval("undefined");
                builtins = new HashSet<>(js.complete("", 0).matches());
                builtins.removeAll(lastPut.keySet());
            }
            Object value = js.eval(code);
            exportJs(ctx);
            return value;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Puts the Java variables whose objects changed into JS. */
    private void importJava(JavaSession java) {
        List<String> names = new ArrayList<>();
        for (String n : java.variables()) if (!n.startsWith("$")) names.add(n);
        Map<String, Object> values = values(java, names);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String n = e.getKey();
            Object v = e.getValue();
            boolean same = lastPut.containsKey(n) && lastPut.get(n) == v
                    || lastExported.containsKey(n) && lastExported.get(n) == v;
            if (same) continue;
            js.put(n, v);
            lastPut.put(n, v);
        }
    }

    /**
     * Receives the Java variables' objects from a JShell statement (a void call: JShell keeps no temporary variable
     * holding them). Public because the generated statement calls it; not for use in cells.
     *
     * @param values the objects, in the order of the names asked for
     */
    public static void hand(Object[] values) {
        handed = values;
    }

    /** The objects of the named Java variables (one JShell evaluation; a variable that does not evaluate is left out). */
    private static Map<String, Object> values(JavaSession java, List<String> names) {
        Map<String, Object> out = new HashMap<>();
        if (names.isEmpty()) return out;
        try {
            handed = null;
            java.eval(JsBridge.class.getName() + ".hand(new Object[] {" + String.join(", ", names) + "});", 0);
            Object[] a = handed;
            handed = null;
            if (a == null) throw new IllegalStateException("no values handed over");
            for (int i = 0; i < names.size(); i++) out.put(names.get(i), a[i]);
            return out;
        } catch (CellError | RuntimeException e) {
            for (String n : names) {
                try {
                    JavaSession.Value v = java.eval(n, 0);
                    if (v != null) out.put(n, v.object());
                } catch (CellError | RuntimeException skipped) {
                    // a variable whose declaration failed: nothing to share
                }
            }
            return out;
        }
    }

    /** Binds the JS globals whose values changed as Java variables. */
    private void exportJs(MagicContext ctx) throws CellError {
        for (String n : js.complete("", 0).matches()) {
            if (builtins.contains(n) || !SourceVersion.isName(n)) continue;
            Object v = js.get(n);
            if (v == null) continue;
            if (lastPut.containsKey(n) && same(lastPut.get(n), v)) continue;
            if (lastExported.containsKey(n) && same(lastExported.get(n), v)) continue;
            ctx.bind(n, v, null);
            lastExported.put(n, v);
            lastPut.remove(n);
        }
    }

    private static boolean same(Object a, Object b) {
        return a == b || Objects.deepEquals(a, b);
    }

    /**
     * Completes a JS cell's global names and members at the cursor.
     *
     * @param body   the cell's body
     * @param offset added to the offsets of the result (0: offsets in the body)
     * @param cursor the cursor in the body
     * @return the completions
     */
    Completions complete(String body, int offset, int cursor) {
        JsCompletion c = js.complete(body, cursor);
        return new Completions(c.matches(), offset + c.start(), offset + c.end());
    }

    /** Stops the running JS cell (from the control thread). */
    void interrupt() {
        js.interrupt();
    }

    @Override
    public void close() {
        js.close();
    }
}
