package org.musicoder.kernel;

import java.lang.reflect.Array;

/**
 * A Java array as text for a cell's value, like JShell's own ({@code int[3] { 1, 2, 3 }}) but cut after a number
 * of elements, so that a feature matrix shows its shape and first values instead of {@code [[F@1b6d3586}.
 */
final class ArrayText {
    private ArrayText() {}

    /**
     * @param array       an array (any component type, any depth)
     * @param maxElements leaf elements shown at most (then {@code ...})
     * @return e.g. {@code float[431][324] { { 0.1, ... }, ... }}
     */
    static String of(Object array, int maxElements) {
        StringBuilder type = new StringBuilder();
        Class<?> c = array.getClass();
        Object a = array;
        while (c.isArray()) {
            int n = a == null ? 0 : Array.getLength(a);
            type.append('[').append(n).append(']');
            a = n > 0 ? Array.get(a, 0) : null;
            c = c.getComponentType();
        }
        StringBuilder sb = new StringBuilder(c.getSimpleName()).append(type).append(' ');
        append(sb, array, new int[] {maxElements});
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value, int[] budget) {
        if (value == null || !value.getClass().isArray()) {
            sb.append(value);
            budget[0]--;
            return;
        }
        int n = Array.getLength(value);
        if (n == 0) {
            sb.append("{ }");
            return;
        }
        sb.append("{ ");
        for (int i = 0; i < n; i++) {
            if (budget[0] <= 0) {
                sb.append("...");
                break;
            }
            append(sb, Array.get(value, i), budget);
            if (i < n - 1) sb.append(", ");
        }
        sb.append(" }");
    }
}
