package org.musicoder.kernel.java;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JShell keeps each expression's value in a variable {@code $N} of its own, for the session's life: a cell ending in
 * a big matrix held it forever. This keeps the last {@value #KEPT} such values; older {@code $N} read null.
 */
final class ExpressionValues {
    static final int KEPT = 20;

    private record Slot(Class<?> wrapper, String name) {}

    private final Deque<Slot> kept = new ArrayDeque<>();

    /**
     * Records the temporary variable of an expression just run; clears the oldest beyond {@value #KEPT}.
     *
     * @param wrapper the class JShell wrapped the snippet in (holds the variable as a static field)
     * @param name    the variable's name ({@code $N})
     */
    synchronized void add(Class<?> wrapper, String name) {
        if (wrapper == null) return;
        kept.addLast(new Slot(wrapper, name));
        if (kept.size() > KEPT) clear(kept.removeFirst());
    }

    private static void clear(Slot s) {
        SnippetFields.set(s.wrapper, s.name, null); // false for a wrapper not as JShell makes them: the value stays
    }
}
