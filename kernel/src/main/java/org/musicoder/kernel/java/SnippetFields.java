package org.musicoder.kernel.java;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** A JShell variable is a static field of the class its snippet was wrapped in; this sets one in place. */
final class SnippetFields {
    private SnippetFields() {}

    /**
     * @param wrapper the snippet's wrapper class (null: unknown)
     * @param name    the variable's name
     * @param value   the new value (null clears a reference variable)
     * @return whether it was set: false if there is no such static field or the value does not fit its type
     */
    static boolean set(Class<?> wrapper, String name, Object value) {
        if (wrapper == null) return false;
        try {
            Field f = wrapper.getDeclaredField(name);
            boolean fits = value == null ? !f.getType().isPrimitive() : f.getType().isInstance(value);
            if (!Modifier.isStatic(f.getModifiers()) || !fits) return false;
            f.setAccessible(true);
            f.set(null, value);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
