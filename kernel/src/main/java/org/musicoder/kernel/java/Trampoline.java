package org.musicoder.kernel.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What {@link InProcessControl} hands to JShell's local execution instead of a snippet's own method: it calls that
 * method and keeps the value it returns as an object (JShell itself only passes on its string form). Public because
 * JShell's executor calls {@link #run()} by reflection; not for use in cells.
 */
public final class Trampoline {
    private static volatile Method target;
    private static volatile Object value;

    private Trampoline() {}

    /** Sets the snippet method the next {@link #run()} calls. */
    static void aim(Method snippet) {
        target = snippet;
        value = null;
    }

    /** The class of the snippet method aimed last (a snippet's variables are its static fields), or null. */
    static Class<?> targetClass() {
        Method m = target;
        return m == null ? null : m.getDeclaringClass();
    }

    /** The value the last {@link #run()} returned (null if it threw or returned nothing). */
    static Object value() {
        return value;
    }

    /**
     * Runs the aimed snippet method on JShell's execution thread.
     *
     * @return nothing useful (the value is kept for {@link #value()})
     * @throws Throwable what the snippet threw, unwrapped, so JShell reports it as the snippet's own exception
     */
    public static Object run() throws Throwable {
        try {
            value = target.invoke(null);
            return null;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
