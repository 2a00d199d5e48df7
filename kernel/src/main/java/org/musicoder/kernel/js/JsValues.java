package org.musicoder.kernel.js;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Value;

/**
 * Turns a polyglot {@link Value} into a plain Java object that the kernel can display or a Java cell can use.
 *
 * <ul>
 *   <li>{@code undefined}, {@code null} -> {@code null}</li>
 *   <li>a Java object reached from JS (a {@code float[][]}, a Tablesaw {@code Table}, a list) -> that object itself</li>
 *   <li>boolean -> {@link Boolean}; number -> {@link Integer}, {@link Long} or {@link Double} (the narrowest that holds
 *       it exactly), a BigInt too large for a long -> {@link java.math.BigInteger}; string -> {@link String};
 *       a {@code Date} -> {@link java.time.Instant}</li>
 *   <li>{@code Float32Array} -> {@code float[]}, {@code Float64Array} -> {@code double[]}: one bulk read of the
 *       underlying ArrayBuffer ({@link Value#readBuffer}), not an interop call per element</li>
 *   <li>other arrays -> {@link List}; a {@code Map} -> {@link LinkedHashMap}; an object -> {@link LinkedHashMap}
 *       of its own enumerable properties (JSON-like), converted recursively; a cycle becomes {@code "[Circular]"}</li>
 *   <li>a function -> its source text</li>
 * </ul>
 */
final class JsValues {
    private JsValues() {}

    /**
     * @param v a value of the session's context
     * @return the Java object described in the class comment
     */
    static Object toJava(Value v) {
        return convert(v, new HashSet<>());
    }

    private static Object convert(Value v, Set<Value> ancestors) {
        if (v == null || v.isNull()) return null;
        if (v.isHostObject()) return v.asHostObject();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isString()) return v.asString();
        if (v.isNumber()) return number(v);
        if (v.isInstant()) return v.asInstant();
        if (v.canExecute() || v.canInstantiate()) return v.toString();
        String type = v.getMetaObject() == null ? "" : v.getMetaObject().getMetaSimpleName();
        if (type.equals("Float32Array")) return floats(v);
        if (type.equals("Float64Array")) return doubles(v);
        if (!ancestors.add(v)) return "[Circular]";
        try {
            if (v.hasArrayElements()) return list(v, ancestors);
            if (v.hasHashEntries()) return hash(v, ancestors);
            if (v.hasMembers()) return members(v, ancestors);
            return v.toString();
        } finally {
            ancestors.remove(v);
        }
    }

    private static Object number(Value v) {
        if (v.fitsInInt()) return v.asInt();
        if (v.fitsInLong()) return v.asLong();
        if (v.fitsInDouble()) return v.asDouble();
        return v.asBigInteger();
    }

    private static List<Object> list(Value v, Set<Value> ancestors) {
        long n = v.getArraySize();
        List<Object> out = new ArrayList<>((int) Math.min(n, Integer.MAX_VALUE));
        for (long i = 0; i < n; i++) out.add(convert(v.getArrayElement(i), ancestors));
        return out;
    }

    private static Map<String, Object> hash(Value v, Set<Value> ancestors) {
        Map<String, Object> out = new LinkedHashMap<>();
        Value it = v.getHashEntriesIterator();
        while (it.hasIteratorNextElement()) {
            Value entry = it.getIteratorNextElement();
            out.put(String.valueOf(convert(entry.getArrayElement(0), ancestors)),
                    convert(entry.getArrayElement(1), ancestors));
        }
        return out;
    }

    private static Map<String, Object> members(Value v, Set<Value> ancestors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : v.getMemberKeys()) out.put(key, convert(v.getMember(key), ancestors));
        return out;
    }

    /** The bytes a typed array views, read in one call, in the platform's order (as JS typed arrays store them). */
    private static ByteBuffer bytes(Value typedArray, int elementBytes) {
        Value buffer = typedArray.getMember("buffer");
        long offset = typedArray.getMember("byteOffset").asLong();
        byte[] raw = new byte[Math.toIntExact(typedArray.getArraySize() * elementBytes)];
        buffer.readBuffer(offset, raw, 0, raw.length);
        return ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
    }

    private static float[] floats(Value v) {
        float[] out = new float[(int) v.getArraySize()];
        bytes(v, Float.BYTES).asFloatBuffer().get(out);
        return out;
    }

    private static double[] doubles(Value v) {
        double[] out = new double[(int) v.getArraySize()];
        bytes(v, Double.BYTES).asDoubleBuffer().get(out);
        return out;
    }
}
