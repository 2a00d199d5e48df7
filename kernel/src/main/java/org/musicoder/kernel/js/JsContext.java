package org.musicoder.kernel.js;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One GraalVM polyglot context for JavaScript. The only class that creates GraalVM objects; {@link JsSession}
 * creates it on the first evaluation. Not thread-safe except {@link #interrupt} and {@link #cancel}.
 *
 * <p>Host access: public fields and methods of Java objects, Java arrays (read and written in place, no copy),
 * {@code List}s as JS arrays, {@code Map}s, iterables, {@code ByteBuffer}s (so {@code new ArrayBuffer(buf)} views a
 * Java buffer without copying), JS functions passed where Java expects a functional interface, and
 * {@code Java.type('...')}. A JS number written into a {@code float[]} is rounded to float (GraalVM alone would
 * refuse an inexact one, and sloppy-mode JS would drop the write without an error). The kernel already runs the user's Java in-process, so JS gets no less than Java.
 */
final class JsContext implements AutoCloseable {
    /** Lists every property name on an object's prototype chain (for completion after a dot). */
    private static final String PROPERTY_NAMES = "(function (o) { const names = new Set();"
            + " for (let p = Object(o); p !== null; p = Object.getPrototypeOf(p))"
            + "   Object.getOwnPropertyNames(p).forEach(n => names.add(n));"
            + " return [...names]; })";

    private final Context context;
    private final Value bindings;
    private Value propertyNames;

    private JsContext(Context context) {
        this.context = context;
        this.bindings = context.getBindings("js");
    }

    /**
     * Creates the context (this loads and starts GraalVM: about a second on first use in a JVM).
     *
     * @param out where {@code console.log} writes
     * @param err where {@code console.error} writes
     * @return the new context
     */
    static JsContext create(OutputStream out, OutputStream err) {
        HostAccess access = HostAccess.newBuilder()
                .allowPublicAccess(true)
                .allowArrayAccess(true)
                .allowListAccess(true)
                .allowMapAccess(true)
                .allowIterableAccess(true)
                .allowIteratorAccess(true)
                .allowBufferAccess(true)
                .allowAllImplementations(true)
                .allowAllClassImplementations(true)
                // a JS number stored into a float[] (or passed as a float) rounds like Java's (float) cast; without
                // this GraalVM refuses inexact values and sloppy-mode JS drops the write silently
                .targetTypeMapping(Double.class, Float.class, null, d -> (float) (double) d,
                        HostAccess.TargetMappingPrecedence.LOWEST)
                .build();
        Context c = Context.newBuilder("js")
                .allowHostAccess(access)
                .allowHostClassLookup(name -> true)
                .out(out)
                .err(err)
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        return new JsContext(c);
    }

    /**
     * Evaluates a cell.
     *
     * @param code       the JS source
     * @param sourceName the name its frames and syntax errors carry, e.g. {@code cell-3.js}
     * @return the value of its last expression statement, converted by {@link JsValues#toJava}
     * @throws JsError the JS error (or the interrupt) with its line in the cell
     */
    Object eval(String code, String sourceName) throws JsError {
        Source source = Source.newBuilder("js", code, sourceName).buildLiteral();
        try {
            return JsValues.toJava(context.eval(source));
        } catch (PolyglotException e) {
            throw JsErrors.from(e, sourceName);
        }
    }

    /**
     * Binds a Java object to a JS global (the object itself: arrays and collections are shared, not copied).
     *
     * @param name  the global's name
     * @param value any Java object, or null
     */
    void put(String name, Object value) {
        bindings.putMember(name, value);
    }

    /** Whether {@code name} is a global (a {@code var}, {@code let}, {@code const}, function or assignment). */
    boolean has(String name) {
        return bindings.hasMember(name);
    }

    /**
     * @param name a global's name
     * @return its value converted by {@link JsValues#toJava}
     */
    Object get(String name) {
        return JsValues.toJava(bindings.getMember(name));
    }

    /** Global names: the global object's properties (builtins too) and top-level {@code let}/{@code const}s. */
    Set<String> globalNames() {
        Set<String> names = new TreeSet<>(bindings.getMemberKeys());
        names.addAll(propertyNames(context.eval("js", "globalThis")));
        return names;
    }

    /**
     * Member names of the object reached from a global through a chain of property names (no code is run
     * apart from property getters).
     *
     * @param path e.g. {@code ["Math"]} for {@code Math.}, {@code ["a", "b"]} for {@code a.b.}
     * @return the names, empty when the chain does not reach an object
     */
    Set<String> memberNames(List<String> path) {
        Value v = bindings;
        for (String part : path) {
            if (v == null || !v.hasMembers() || !v.hasMember(part)) return Set.of();
            v = v.getMember(part);
        }
        if (v == null || v.isNull()) return Set.of();
        if (v.isHostObject()) {
            Set<String> names = new TreeSet<>(v.getMemberKeys());
            if (v.hasArrayElements()) names.add("length");
            return names;
        }
        return propertyNames(v);
    }

    private Set<String> propertyNames(Value v) {
        if (propertyNames == null) propertyNames = context.eval("js", PROPERTY_NAMES);
        Value names = propertyNames.execute(v);
        Set<String> out = new TreeSet<>();
        for (long i = 0; i < names.getArraySize(); i++) out.add(names.getArrayElement(i).asString());
        return out;
    }

    /** {@link JsMode#INTERPRETER} or {@link JsMode#OPTIMIZING}, from the engine's runtime name. */
    JsMode mode() {
        return "Interpreted".equals(context.getEngine().getImplementationName())
                ? JsMode.INTERPRETER : JsMode.OPTIMIZING;
    }

    /**
     * Stops the running evaluation, keeping the context and its variables. Call from another thread.
     *
     * @param timeout how long to wait for it to stop
     * @return false if it did not stop in time (it is still running)
     */
    boolean interrupt(Duration timeout) {
        try {
            context.interrupt(timeout);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Cancels the running evaluation and closes the context (its variables are lost). */
    void cancel() {
        context.close(true);
    }

    @Override
    public void close() {
        context.close(true);
    }
}
