package org.musicoder.kernel.java;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands objects made by the kernel (a magic's result) to the JShell session, which runs in the same JVM and sees
 * the same classes: {@link JavaSession#bind} puts the object here and declares a variable initialised by
 * {@link #take(String)}. Public because the generated declaration calls it; not for use in cells.
 */
public final class Bindings {
    private static final Map<String, Object> PENDING = new ConcurrentHashMap<>();

    private Bindings() {}

    static void put(String name, Object value) {
        PENDING.put(name, value);
    }

    /**
     * Removes and returns the object waiting under {@code name}.
     *
     * @param name the variable's name
     * @param <T>  the declared type of the variable
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public static <T> T take(String name) {
        return (T) PENDING.remove(name);
    }
}
