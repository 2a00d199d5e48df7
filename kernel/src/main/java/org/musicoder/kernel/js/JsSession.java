package org.musicoder.kernel.js;

import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The JavaScript side of a kernel session (the {@code %%js} cell magic): one GraalVM polyglot context, created on
 * the first {@link #eval}, whose globals persist from cell to cell.
 *
 * <p>Sharing. {@link #put} binds a Java object to a JS global; JS sees the object itself (a {@code float[][]} is
 * read and written in place, a {@code List} indexes like an array, public methods can be called). A JS cell exports
 * a value to Java by making it a global: {@code x = ...}, {@code var x}, {@code let x}, {@code const x} or a
 * top-level function; {@link #get} reads it. Names put before the first evaluation are bound when the context
 * starts, and again if an interrupt had to discard the context.
 *
 * <p>Laziness. This class refers to no GraalVM type; constructing it, {@link #put}, {@link #mode} and
 * {@link #close} on a session that never evaluated JS load no GraalVM class.
 *
 * <p>Threads. One cell at a time ({@link #eval}, {@link #put}, {@link #get}, {@link #complete} are synchronized);
 * {@link #interrupt} is meant to be called from another thread while a cell runs.
 */
public final class JsSession implements AutoCloseable {
    /** How long {@link #interrupt} waits for the running cell to stop before discarding the context. */
    private static final Duration INTERRUPT_WAIT = Duration.ofMillis(500);

    private final StreamRelay out;
    private final StreamRelay err;
    private final Map<String, Object> fromJava = new LinkedHashMap<>();
    private volatile JsContext context;
    private int cells;

    /** A session whose {@code console.log}/{@code console.error} go to the current {@code System.out}/{@code err}. */
    public JsSession() {
        this(() -> System.out, () -> System.err);
    }

    /**
     * @param out gives, at each write, the stream {@code console.log} writes to (e.g. the running cell's stdout)
     * @param err the same for {@code console.error} and {@code console.warn}
     */
    public JsSession(Supplier<? extends OutputStream> out, Supplier<? extends OutputStream> err) {
        this.out = new StreamRelay(out);
        this.err = new StreamRelay(err);
    }

    /**
     * Runs a JS cell; the first call starts GraalVM (about a second).
     *
     * @param code JavaScript source (the cell without its {@code %%js} line; lines are counted from 1 in it)
     * @return the value of the last expression statement as a Java object ({@code null} for {@code undefined},
     *         {@code null} or a cell ending in a declaration): a Java object reached from JS is returned as itself;
     *         numbers as Integer, Long or Double; strings; {@code Float32Array}/{@code Float64Array} as
     *         {@code float[]}/{@code double[]}; other arrays as {@code List}; objects and Maps as
     *         {@code LinkedHashMap} (JSON-like, recursive); a function as its source text
     * @throws JsError the JS error with its name, message, line and column in {@code code}; or, with
     *                 {@link JsError#interrupted()} true, the cell was stopped by {@link #interrupt}
     */
    public synchronized Object eval(String code) throws JsError {
        return started().eval(code, "cell-" + (++cells) + ".js");
    }

    /**
     * Makes a Java object a JS global (shared, not copied: JS writes to a Java array are seen by Java).
     *
     * @param name  a JS identifier
     * @param value the object (a {@code float[][]} feature matrix, a Tablesaw {@code Table}, a list of records,
     *              a {@code java.nio.ByteBuffer} that JS can view as {@code new Float32Array(new ArrayBuffer(buf))});
     *              may be null
     */
    public synchronized void put(String name, Object value) {
        fromJava.put(name, value);
        if (context != null) context.put(name, value);
    }

    /**
     * Reads a JS global.
     *
     * @param name the global's name
     * @return its value converted as {@link #eval} converts a cell's value; before the first evaluation, the object
     *         {@link #put} bound
     * @throws NoSuchElementException if there is no such global
     */
    public synchronized Object get(String name) {
        if (context == null) {
            if (!fromJava.containsKey(name)) throw new NoSuchElementException("no JS global named '" + name + "'");
            return fromJava.get(name);
        }
        if (!context.has(name)) throw new NoSuchElementException("no JS global named '" + name + "'");
        return context.get(name);
    }

    /**
     * Completes the name at the cursor: a global name, or after a dot a member of the object a chain of globals
     * reaches ({@code Math.fl}, {@code features.le}). Before the first evaluation only the names bound with
     * {@link #put} are offered (completion does not start GraalVM).
     *
     * @param code   the cell
     * @param cursor the cursor's offset in {@code code} (UTF-16 chars, 0..length)
     * @return the matches and the range they replace
     */
    public synchronized JsCompletion complete(String code, int cursor) {
        CompletionSite site = CompletionSite.at(code, cursor);
        Set<String> names;
        if (context != null) {
            names = site.path().isEmpty() ? context.globalNames() : context.memberNames(site.path());
        } else {
            names = site.path().isEmpty() ? new TreeSet<>(fromJava.keySet()) : Set.of();
        }
        List<String> matches = names.stream().filter(n -> n.startsWith(site.prefix())).sorted().toList();
        return new JsCompletion(site.start(), cursor, matches);
    }

    /**
     * Stops the running cell (its {@link #eval} throws a {@link JsError} with {@code interrupted()} true). Call from
     * another thread; does nothing when no cell runs. JS globals survive when the cell stops within half a second
     * (a JS loop does); if it does not (stuck in a Java call), the context is cancelled in the background (the cell
     * ends when the Java call returns), a fresh one starts at the next {@link #eval}, which waits for the stuck cell,
     * and only the names bound with {@link #put} come back. Returns within about half a second either way.
     */
    public void interrupt() {
        JsContext c = context;
        if (c == null || c.interrupt(INTERRUPT_WAIT)) return;
        context = null;
        Thread cancel = new Thread(c::cancel, "js-cancel"); // waits for the Java call to return: not on our caller
        cancel.setDaemon(true);
        cancel.start();
    }

    /** Whether the engine runs JS interpreted or compiled; {@link JsMode#NOT_STARTED} before the first cell. */
    public JsMode mode() {
        JsContext c = context;
        return c == null ? JsMode.NOT_STARTED : c.mode();
    }

    /** Closes the context (if started); a later {@link #eval} would start a new one. */
    @Override
    public synchronized void close() {
        JsContext c = context;
        context = null;
        if (c != null) c.close();
    }

    private JsContext started() {
        if (context == null) {
            JsContext c = JsContext.create(out, err);
            fromJava.forEach(c::put);
            context = c;
        }
        return context;
    }
}
